// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free of coherent DMA memory: foo_ring_fini_bad() releases the
 * descriptor ring and then clears it with memset() (meant to stop the
 * device from seeing stale descriptors). foo_ring_fini_good() clears it
 * first.
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/string.h>

#define FOO_RING_BYTES	8192

struct foo_ring {
	struct device *dev;
	void *desc;
	dma_addr_t desc_dma;
};

int foo_ring_init(struct foo_ring *r)
{
	r->desc = dma_alloc_coherent(r->dev, FOO_RING_BYTES, &r->desc_dma,
				     GFP_KERNEL);
	return r->desc ? 0 : -ENOMEM;
}

void foo_ring_fini_bad(struct foo_ring *r)
{
	dma_free_coherent(r->dev, FOO_RING_BYTES, r->desc, r->desc_dma);
	memset(r->desc, 0, FOO_RING_BYTES); /* expect: use-after-free */
	r->desc = NULL;
}

void foo_ring_fini_good(struct foo_ring *r)
{
	memset(r->desc, 0, FOO_RING_BYTES);
	dma_free_coherent(r->dev, FOO_RING_BYTES, r->desc, r->desc_dma);
	r->desc = NULL;
}

MODULE_LICENSE("GPL");
