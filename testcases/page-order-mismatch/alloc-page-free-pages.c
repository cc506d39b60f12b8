// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch, the other direction: one page from alloc_page()
 * released with __free_pages(page, 1), which hands the buddy allocator a
 * neighbouring page the driver never owned. foo_good() uses __free_page().
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

struct foo_msg {
	struct page *page;
	unsigned int len;
};

int foo_msg_send_bad(struct foo_msg *msg, const void *data, unsigned int len)
{
	struct page *page;

	if (len > PAGE_SIZE)
		return -EMSGSIZE;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	memcpy(page_address(page), data, len);
	if (msg->page) {
		__free_pages(page, 1); /* expect: page-order-mismatch */
		return -EBUSY;
	}
	msg->page = page;
	msg->len = len;
	return 0;
}

int foo_msg_send_good(struct foo_msg *msg, const void *data, unsigned int len)
{
	struct page *page;

	if (len > PAGE_SIZE)
		return -EMSGSIZE;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	memcpy(page_address(page), data, len);
	if (msg->page) {
		__free_page(page);
		return -EBUSY;
	}
	msg->page = page;
	msg->len = len;
	return 0;
}

MODULE_LICENSE("GPL");
