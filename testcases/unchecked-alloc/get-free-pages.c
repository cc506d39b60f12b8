// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: __get_free_pages() returns an address as unsigned
 * long, 0 on failure. Using it through memset((void *)addr, ...) without
 * `if (!addr)` is the bug.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#define FOO_DMA_ORDER	2

struct foo_dma {
	unsigned long area;
};

int foo_dma_area_bad(struct foo_dma *dma)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, FOO_DMA_ORDER);

	memset((void *)addr, 0, PAGE_SIZE << FOO_DMA_ORDER); /* expect: unchecked-alloc */
	dma->area = addr;
	return 0;
}

int foo_dma_area_good(struct foo_dma *dma)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, FOO_DMA_ORDER);

	if (!addr)
		return -ENOMEM;
	memset((void *)addr, 0, PAGE_SIZE << FOO_DMA_ORDER);
	dma->area = addr;
	return 0;
}

void foo_dma_area_free(struct foo_dma *dma)
{
	free_pages(dma->area, FOO_DMA_ORDER);
	dma->area = 0;
}

MODULE_LICENSE("GPL");
