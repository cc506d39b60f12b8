// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/neterion/s2io.c init_shared_mem()): a
 * DMA page is cut into lists by an inner loop, nested in the loop over
 * pages, that hands the page over piece by piece.  A path that leaves
 * the inner loop before its first iteration stores the page nowhere, but
 * only when a count the path does not know is 0; alloc-leak does not
 * report leaks that need a loop to run zero times against such a count.
 * Two shapes it missed: the inner loop of a nested pair (its exit edge
 * comes back to its test through the outer loop, so it did not count as
 * leaving), and a loop whose bound is a break (for (k = 0; ; k++) { if
 * (k == len) break; ... }), which is the same loop with its test moved.
 * The bad twins break on a flag, not on a count, and leave on an error:
 * the page leaks.  Still reported (docs/limits.md): s2io's own break,
 * whose count is j * per + k with j > 0 (arithmetic on the bound).
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>

struct foo_list {
	void *virt;
	dma_addr_t phys;
};

struct foo_fifo {
	struct foo_list *list;
	int len;
	bool stop;
};

int foo_pages_good(struct device *dev, struct foo_fifo *fifo, int pages,
		   int per, int size)
{
	int j;

	for (j = 0; j < pages; j++) {
		dma_addr_t phys;
		void *virt;
		int k = 0;

		virt = dma_alloc_coherent(dev, PAGE_SIZE, &phys, GFP_KERNEL);
		if (!virt)
			return -ENOMEM;
		while (k < per) {
			fifo->list[j * per + k].virt = virt + k * size;
			fifo->list[j * per + k].phys = phys + k * size;
			k++;
		}
	}
	return 0;
}

int foo_pages_bad(struct device *dev, struct foo_fifo *fifo, int pages,
		  int per, int size)
{
	int j;

	for (j = 0; j < pages; j++) {
		dma_addr_t phys;
		void *virt;
		int k = 0;

		virt = dma_alloc_coherent(dev, PAGE_SIZE, &phys, GFP_KERNEL);
		if (!virt)
			return -ENOMEM;
		if (fifo->stop) /* expect-note: alloc-leak */
			return -EINVAL; /* expect: alloc-leak */
		while (k < per) {
			fifo->list[j * per + k].virt = virt + k * size;
			fifo->list[j * per + k].phys = phys + k * size;
			k++;
		}
	}
	return 0;
}

int foo_fill_good(struct device *dev, struct foo_fifo *fifo, int size)
{
	dma_addr_t phys;
	void *virt;
	int k;

	virt = dma_alloc_coherent(dev, PAGE_SIZE, &phys, GFP_KERNEL);
	if (!virt)
		return -ENOMEM;
	for (k = 0; ; k++) {
		if (k == fifo->len)
			break;
		fifo->list[k].virt = virt + k * size;
		fifo->list[k].phys = phys + k * size;
	}
	return 0;
}

int foo_fill_bad(struct device *dev, struct foo_fifo *fifo, int size)
{
	dma_addr_t phys;
	void *virt;
	int k;

	virt = dma_alloc_coherent(dev, PAGE_SIZE, &phys, GFP_KERNEL);
	if (!virt)
		return -ENOMEM;
	for (k = 0; ; k++) {
		if (fifo->stop) /* expect-note: alloc-leak */
			break;
		fifo->list[k].virt = virt + k * size;
		fifo->list[k].phys = phys + k * size;
	}
	return 0; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
