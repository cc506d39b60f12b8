// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc and an allocation wrapper that takes the caller's gfp_t
 * (dm-bio-prison-v2: dm_bio_prison_alloc_cell_v2(prison, gfp) is
 * mempool_alloc(&prison->cell_pool, gfp), and dm-cache's
 * alloc_prison_cell() passes GFP_NOIO).  A mempool allocation that may
 * reclaim waits for an element instead of failing, and __GFP_NOFAIL
 * never fails: whether the wrapper's NULL reaches a caller depends on the
 * mask that caller passes, through one wrapper or two.
 */
#include <linux/module.h>
#include <linux/mempool.h>
#include <linux/slab.h>

struct foo_cell {
	int key;
	int holders;
};

struct foo_prison {
	mempool_t cell_pool;
};

struct foo_cache {
	struct foo_prison *prison;
	struct foo_cell *cur;
};

static struct foo_cell *foo_prison_alloc_cell(struct foo_prison *prison,
					      gfp_t gfp)
{
	return mempool_alloc(&prison->cell_pool, gfp);
}

static struct foo_cell *foo_alloc_cell(struct foo_cache *cache)
{
	return foo_prison_alloc_cell(cache->prison, GFP_NOIO);
}

static struct foo_cell *foo_alloc_cell_atomic(struct foo_cache *cache)
{
	return foo_prison_alloc_cell(cache->prison, GFP_NOWAIT);
}

static void *foo_zalloc(size_t size, gfp_t gfp)
{
	return kzalloc(size, gfp | __GFP_ZERO);
}

int foo_lock_noio(struct foo_cache *cache, int key)
{
	struct foo_cell *cell = foo_prison_alloc_cell(cache->prison, GFP_NOIO);

	cell->key = key;
	cache->cur = cell;
	return 0;
}

int foo_lock_two_levels(struct foo_cache *cache, int key)
{
	struct foo_cell *cell = foo_alloc_cell(cache);

	cell->key = key;
	cache->cur = cell;
	return 0;
}

int foo_lock_nowait(struct foo_cache *cache, int key)
{
	struct foo_cell *cell = foo_prison_alloc_cell(cache->prison, GFP_NOWAIT);

	cell->key = key;	/* expect: unchecked-alloc */
	cache->cur = cell;
	return 0;
}

int foo_lock_two_levels_nowait(struct foo_cache *cache, int key)
{
	struct foo_cell *cell = foo_alloc_cell_atomic(cache);

	cell->key = key;	/* expect: unchecked-alloc */
	cache->cur = cell;
	return 0;
}

int foo_table_nofail(int **out)
{
	int *t = foo_zalloc(64, GFP_KERNEL | __GFP_NOFAIL);

	t[0] = 1;
	*out = t;
	return 0;
}

int foo_table(int **out)
{
	int *t = foo_zalloc(64, GFP_KERNEL);

	t[0] = 1;	/* expect: unchecked-alloc */
	*out = t;
	return 0;
}

MODULE_LICENSE("GPL");
