// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (b44.c b44_alloc_consistent(), drivers/net/ethernet/broadcom
 * scan): a ring comes from dma_alloc_coherent(), or where that fails
 * from kzalloc() + dma_map_single(), and a flag records which.  The
 * cleanup helper tests the flag to pick kfree() or dma_free_coherent().
 * Where the allocation's unwind calls the helper, the flag is whatever
 * it was at entry, which the caller cannot see: the helper frees the
 * ring with the deallocator the flag chose, not always with kfree().
 * foo_alloc_ring() is silent.
 *
 * Twin: bar_free_ring() frees its dma ring with kfree() on every path:
 * reported there (the ring of every store of struct bar::ring is dma
 * memory) and at bar_alloc_ring()'s unwind that calls it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

#define FOO_RING_BYTES	4096
#define FOO_RING_HACK	0x1

struct foo {
	struct device *dev;
	void *ring;
	dma_addr_t ring_dma;
	void *buf;
	unsigned long flags;
};

static void foo_free_ring(struct foo *f)
{
	kfree(f->buf);
	f->buf = NULL;
	if (f->ring) {
		if (f->flags & FOO_RING_HACK) {
			dma_unmap_single(f->dev, f->ring_dma, FOO_RING_BYTES,
					 DMA_BIDIRECTIONAL);
			kfree(f->ring);
		} else {
			dma_free_coherent(f->dev, FOO_RING_BYTES, f->ring,
					  f->ring_dma);
		}
		f->ring = NULL;
		f->flags &= ~FOO_RING_HACK;
	}
}

int foo_alloc_ring(struct foo *f)
{
	f->ring = dma_alloc_coherent(f->dev, FOO_RING_BYTES, &f->ring_dma,
				     GFP_KERNEL);
	if (!f->ring) {
		void *ring = kzalloc(FOO_RING_BYTES, GFP_KERNEL);
		dma_addr_t dma;

		if (!ring)
			return -ENOMEM;
		dma = dma_map_single(f->dev, ring, FOO_RING_BYTES,
				     DMA_BIDIRECTIONAL);
		if (dma_mapping_error(f->dev, dma)) {
			kfree(ring);
			return -ENOMEM;
		}
		f->ring = ring;
		f->ring_dma = dma;
		f->flags |= FOO_RING_HACK;
	}
	f->buf = kzalloc(64, GFP_KERNEL);
	if (!f->buf) {
		foo_free_ring(f);
		return -ENOMEM;
	}
	return 0;
}

struct bar {
	struct device *dev;
	void *ring;
	dma_addr_t ring_dma;
	void *buf;
};

static void bar_free_ring(struct bar *b)
{
	kfree(b->buf);
	b->buf = NULL;
	kfree(b->ring); /* expect: free-mismatch */
	b->ring = NULL;
}

int bar_alloc_ring(struct bar *b)
{
	b->ring = dma_alloc_coherent(b->dev, FOO_RING_BYTES, &b->ring_dma,
				     GFP_KERNEL);
	if (!b->ring)
		return -ENOMEM;
	b->buf = kzalloc(64, GFP_KERNEL);
	if (!b->buf) {
		bar_free_ring(b); /* expect: free-mismatch */
		return -ENOMEM;
	}
	return 0;
}

MODULE_LICENSE("GPL");
