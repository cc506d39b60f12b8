// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch: a dma_alloc_coherent() descriptor table released with
 * kfree() when the device rejects it (the address is not slab memory, and
 * the DMA mapping is never torn down). foo_good() uses
 * dma_free_coherent() with the same size and handle.
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

struct foo_dma_ring {
	struct device *dev;
	__le64 *desc;
	dma_addr_t desc_dma;
	size_t size;
};

static int foo_hw_set_ring(struct foo_dma_ring *r, dma_addr_t dma)
{
	return dma & 0xfff ? -EINVAL : 0;	/* must be 4K aligned */
}

int foo_ring_bad(struct foo_dma_ring *r, size_t size)
{
	dma_addr_t dma;
	__le64 *desc = dma_alloc_coherent(r->dev, size, &dma, GFP_KERNEL);

	if (!desc)
		return -ENOMEM;
	if (foo_hw_set_ring(r, dma)) {
		kfree(desc); /* expect: free-mismatch */
		return -EIO;
	}
	r->desc = desc;
	r->desc_dma = dma;
	r->size = size;
	return 0;
}

int foo_ring_good(struct foo_dma_ring *r, size_t size)
{
	dma_addr_t dma;
	__le64 *desc = dma_alloc_coherent(r->dev, size, &dma, GFP_KERNEL);

	if (!desc)
		return -ENOMEM;
	if (foo_hw_set_ring(r, dma)) {
		dma_free_coherent(r->dev, size, desc, dma);
		return -EIO;
	}
	r->desc = desc;
	r->desc_dma = dma;
	r->size = size;
	return 0;
}

MODULE_LICENSE("GPL");
