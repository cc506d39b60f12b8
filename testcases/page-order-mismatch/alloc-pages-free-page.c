// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch: struct page API. alloc_pages(gfp, 3) released with
 * __free_page(), which is __free_pages(page, 0): seven pages leak.
 * foo_bad() does it when the self-test fails; foo_good() passes the order.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#define FOO_SG_ORDER	3

struct foo_sg {
	struct page *pages;
	size_t len;
};

static int foo_selftest(const u8 *va, size_t len)
{
	return va[len - 1] == 0 ? 0 : -EIO;
}

int foo_sg_init_bad(struct foo_sg *sg)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, FOO_SG_ORDER);

	if (!page)
		return -ENOMEM;
	if (foo_selftest(page_address(page), PAGE_SIZE << FOO_SG_ORDER)) {
		__free_page(page); /* expect: page-order-mismatch */
		return -EIO;
	}
	sg->pages = page;
	sg->len = PAGE_SIZE << FOO_SG_ORDER;
	return 0;
}

int foo_sg_init_good(struct foo_sg *sg)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, FOO_SG_ORDER);

	if (!page)
		return -ENOMEM;
	if (foo_selftest(page_address(page), PAGE_SIZE << FOO_SG_ORDER)) {
		__free_pages(page, FOO_SG_ORDER);
		return -EIO;
	}
	sg->pages = page;
	sg->len = PAGE_SIZE << FOO_SG_ORDER;
	return 0;
}

void foo_sg_exit(struct foo_sg *sg)
{
	__free_pages(sg->pages, FOO_SG_ORDER);
	sg->pages = NULL;
}

MODULE_LICENSE("GPL");
