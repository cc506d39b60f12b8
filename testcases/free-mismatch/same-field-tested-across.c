// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch false positive, across functions: as in
 * same-field-tested-twice.c, but the allocation (foo_ring_alloc()) and the
 * release (foo_ring_free()) are two functions, both choosing by the same
 * field, ring->ar->bus.dev_type: kmalloc()/kfree() for HL devices,
 * dma_alloc_coherent()/dma_free_coherent() otherwise. Silent: the two
 * stores into ring->vaddr disagree on the family, so nothing is assumed
 * of ring->vaddr in foo_ring_free().  (The same free with the test
 * inverted is a real bug that kmemlint does not see: field facts are not
 * conditional on another field's value; docs/limits.md.)
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

enum foo_dev_type { FOO_DEV_HL, FOO_DEV_LL };

struct foo_ar {
	struct device *dev;
	struct { enum foo_dev_type dev_type; } bus;
};

struct foo_ring {
	struct foo_ar *ar;
	void *vaddr;
	dma_addr_t paddr;
	size_t size;
};

int foo_ring_alloc(struct foo_ring *ring, size_t size)
{
	struct foo_ar *ar = ring->ar;

	if (ar->bus.dev_type == FOO_DEV_HL)
		ring->vaddr = kzalloc(size, GFP_KERNEL);
	else
		ring->vaddr = dma_alloc_coherent(ar->dev, size, &ring->paddr,
						 GFP_KERNEL);
	if (!ring->vaddr)
		return -ENOMEM;
	ring->size = size;
	return 0;
}

void foo_ring_free(struct foo_ring *ring)
{
	if (ring->ar->bus.dev_type == FOO_DEV_HL)
		kfree(ring->vaddr);
	else
		dma_free_coherent(ring->ar->dev, ring->size, ring->vaddr,
				  ring->paddr);
	ring->vaddr = NULL;
}

MODULE_LICENSE("GPL");
