// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch and a mempool's fallback allocation (dm-region-hash
 * __rh_alloc(): mempool_alloc(GFP_ATOMIC) from a kmalloc pool, and
 * kmalloc(__GFP_NOFAIL) when it is empty; the block that lost the race
 * goes back with mempool_free(), which keeps it as a reserve or kfree()s
 * it).  A block of the allocator behind a pool may go back to the pool;
 * a vmalloc() block may not (no pool is backed by vmalloc()).
 */
#include <linux/module.h>
#include <linux/mempool.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct foo_region {
	unsigned long key;
	int state;
};

struct foo_hash {
	mempool_t region_pool;
	struct foo_region *cur;
};

int foo_hash_init(struct foo_hash *h)
{
	return mempool_init_kmalloc_pool(&h->region_pool, 16,
					 sizeof(struct foo_region));
}

void foo_region_add(struct foo_hash *h, unsigned long key)
{
	struct foo_region *reg;

	reg = mempool_alloc(&h->region_pool, GFP_ATOMIC);
	if (unlikely(!reg))
		reg = kmalloc(sizeof(*reg), GFP_NOIO | __GFP_NOFAIL);
	reg->key = key;
	if (h->cur && h->cur->key == key) {
		mempool_free(reg, &h->region_pool);
		return;
	}
	h->cur = reg;
}

void foo_region_add_big(struct foo_hash *h, unsigned long key)
{
	struct foo_region *reg;

	reg = vmalloc(sizeof(*reg));
	if (!reg)
		return;
	reg->key = key;
	if (h->cur && h->cur->key == key) {
		mempool_free(reg, &h->region_pool);	/* expect: free-mismatch */
		return;
	}
	h->cur = reg;
}

MODULE_LICENSE("GPL");
