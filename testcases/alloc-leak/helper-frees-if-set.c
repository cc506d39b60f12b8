// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (iwlwifi iwl_txq_dyn_alloc_dma() with iwl_txq_gen2_free_memory()):
 * a cleanup helper frees a member only when it is set,
 * `if (q->addr) dma_pool_free(pool, q->addr, q->dma);`.  It frees q->addr
 * whenever there is something to free, so the caller's error path that
 * calls it after storing a pool block there leaks nothing.  Before, the
 * path where q->addr was NULL made the free a "maybe", which a caller
 * cannot rely on: the block "leaked" at the helper's kfree(q).  The bad
 * twin's helper forgets the pool block.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/dmapool.h>
#include <linux/err.h>

struct foo_queue {
	void *bc_tbl;
	dma_addr_t bc_dma;
	void *entries;
	int n;
};

struct foo_trans {
	struct dma_pool *bc_pool;
};

static void foo_queue_free(struct foo_trans *t, struct foo_queue *q)
{
	kfree(q->entries);
	if (q->bc_tbl)
		dma_pool_free(t->bc_pool, q->bc_tbl, q->bc_dma);
	kfree(q);
}

static void foo_queue_free_some(struct foo_trans *t, struct foo_queue *q)
{
	kfree(q->entries);
	kfree(q);
}

static int foo_queue_init(struct foo_queue *q, int n)
{
	q->entries = kcalloc(n, sizeof(u64), GFP_KERNEL);
	if (!q->entries)
		return -ENOMEM;
	q->n = n;
	return 0;
}

struct foo_queue *foo_queue_alloc_good(struct foo_trans *t, int n)
{
	struct foo_queue *q;
	int ret;

	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return ERR_PTR(-ENOMEM);
	q->bc_tbl = dma_pool_alloc(t->bc_pool, GFP_KERNEL, &q->bc_dma);
	if (!q->bc_tbl) {
		kfree(q);
		return ERR_PTR(-ENOMEM);
	}
	ret = foo_queue_init(q, n);
	if (ret)
		goto error;
	return q;
error:
	foo_queue_free(t, q);
	return ERR_PTR(ret);
}

struct foo_queue *foo_queue_alloc_bad(struct foo_trans *t, int n)
{
	struct foo_queue *q;
	int ret;

	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return ERR_PTR(-ENOMEM);
	q->bc_tbl = dma_pool_alloc(t->bc_pool, GFP_KERNEL, &q->bc_dma);
	if (!q->bc_tbl) {
		kfree(q);
		return ERR_PTR(-ENOMEM);
	}
	ret = foo_queue_init(q, n);
	if (ret) /* expect-note: alloc-leak */
		goto error;
	return q;
error:
	foo_queue_free_some(t, q); /* expect: alloc-leak */
	return ERR_PTR(ret);
}

MODULE_LICENSE("GPL");
