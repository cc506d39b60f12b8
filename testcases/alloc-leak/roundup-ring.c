// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (brcmsmac dma.c dma64_alloc()): a descriptor ring allocated
 * with room for its alignment and kept only as the aligned pointer,
 * di->txd64 = (void *)roundup((unsigned long)va, align), with the offset
 * beside it to free it later.  roundup() with an alignment known only at
 * run time is ((x + (y - 1)) / y) * y: a multiple of y inside the block,
 * so the store hands the block over.  foo_ring_alloc() is silent;
 * foo_ring_alloc_bad() keeps an aligned pointer into another buffer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/math.h>

struct foo_dma {
	void *ring;		/* aligned */
	unsigned int ring_off;	/* ring - the allocation */
	void *scratch;
	u16 align_bits;
};

int foo_ring_alloc(struct foo_dma *di, unsigned int size)
{
	unsigned int align = 1u << di->align_bits;
	void *va;

	va = kzalloc(size + align - 1, GFP_KERNEL);
	if (!va)
		return -ENOMEM;
	di->ring = (void *)roundup((unsigned long)va, align);
	di->ring_off = (unsigned int)((u8 *)di->ring - (u8 *)va);
	return 0;
}

int foo_ring_alloc_bad(struct foo_dma *di, unsigned int size)
{
	unsigned int align = 1u << di->align_bits;
	void *va;

	va = kzalloc(size + align - 1, GFP_KERNEL);
	if (!va)
		return -ENOMEM;
	di->ring = (void *)roundup((unsigned long)di->scratch, align);
	di->ring_off = 0;
	return 0; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
