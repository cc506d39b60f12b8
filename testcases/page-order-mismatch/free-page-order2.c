// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch: __get_free_pages(gfp, 2) released with free_page(),
 * which frees order 0 only: three of the four pages leak. foo_bad() does
 * it on the error path taken when the descriptor count does not fit;
 * foo_good() releases the order it allocated.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#define FOO_DESC_ORDER	2
#define FOO_DESC_SIZE	16

struct foo_queue {
	void *desc;
	unsigned int nr_desc;
};

int foo_queue_init_bad(struct foo_queue *q, unsigned int nr_desc)
{
	unsigned long addr;

	addr = __get_free_pages(GFP_KERNEL, FOO_DESC_ORDER);
	if (!addr)
		return -ENOMEM;
	if (nr_desc > (PAGE_SIZE << FOO_DESC_ORDER) / FOO_DESC_SIZE) {
		free_page(addr); /* expect: page-order-mismatch */
		return -EINVAL;
	}
	memset((void *)addr, 0, PAGE_SIZE << FOO_DESC_ORDER);
	q->desc = (void *)addr;
	q->nr_desc = nr_desc;
	return 0;
}

int foo_queue_init_good(struct foo_queue *q, unsigned int nr_desc)
{
	unsigned long addr;

	addr = __get_free_pages(GFP_KERNEL, FOO_DESC_ORDER);
	if (!addr)
		return -ENOMEM;
	if (nr_desc > (PAGE_SIZE << FOO_DESC_ORDER) / FOO_DESC_SIZE) {
		free_pages(addr, FOO_DESC_ORDER);
		return -EINVAL;
	}
	memset((void *)addr, 0, PAGE_SIZE << FOO_DESC_ORDER);
	q->desc = (void *)addr;
	q->nr_desc = nr_desc;
	return 0;
}

void foo_queue_exit(struct foo_queue *q)
{
	free_pages((unsigned long)q->desc, FOO_DESC_ORDER);
	q->desc = NULL;
}

MODULE_LICENSE("GPL");
