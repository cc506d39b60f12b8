// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/chelsio/cxgb4/sge.c, alloc_ring()): a
 * static helper allocates its software ring only when asked (sw_size)
 * and hands it back through metadata; it would lose it with sw_size set
 * and metadata NULL, but every call of the file passes either (0, NULL)
 * or (a size, an address).  No caller takes that path: silent.
 * foo_ring_alloc_bad() is called once with a size and no place to put
 * the ring: reported.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_q {
	void *desc;
	void *sdesc;
};

static void *foo_alloc_ring(size_t nelem, size_t sw_size, void *metadata)
{
	void *p = kcalloc(nelem, 16, GFP_KERNEL);
	void *s = NULL;

	if (!p)
		return NULL;
	if (sw_size) {
		s = kcalloc(nelem, sw_size, GFP_KERNEL);
		if (!s) {
			kfree(p);
			return NULL;
		}
	}
	if (metadata)
		*(void **)metadata = s;
	return p;
}

int foo_queues_good(struct foo_q *iq, struct foo_q *fl, size_t n)
{
	iq->desc = foo_alloc_ring(n, 0, NULL);
	if (!iq->desc)
		return -ENOMEM;
	fl->desc = foo_alloc_ring(n, sizeof(long), &fl->sdesc);
	if (!fl->desc)
		return -ENOMEM;
	return 0;
}
EXPORT_SYMBOL_GPL(foo_queues_good);

static void *foo_ring_alloc_bad(size_t nelem, size_t sw_size, void *metadata)
{
	void *p = kcalloc(nelem, 16, GFP_KERNEL);
	void *s = NULL;

	if (!p)
		return NULL;
	if (sw_size) {
		s = kcalloc(nelem, sw_size, GFP_KERNEL);
		if (!s) {
			kfree(p);
			return NULL;
		}
	}
	if (metadata)
		*(void **)metadata = s;
	return p; /* expect: alloc-leak */
}

int foo_queues_bad(struct foo_q *txq, size_t n)
{
	txq->desc = foo_ring_alloc_bad(n, sizeof(long), NULL);
	if (!txq->desc)
		return -ENOMEM;
	return 0;
}
EXPORT_SYMBOL_GPL(foo_queues_bad);
MODULE_LICENSE("GPL");
