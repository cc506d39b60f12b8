// SPDX-License-Identifier: GPL-2.0
/* Input of the page-order-mismatch semantic patch (cocci/tests/README.md). */
#include <linux/module.h>
#include <linux/gfp.h>

#define FOO_ORDER	2

void foo_bad_literal(void)
{
	unsigned long buf;

	buf = __get_free_pages(GFP_KERNEL, 2);
	if (!buf)
		return;
	free_pages(buf, 1); /* report */
}

void foo_bad_page(void)
{
	unsigned long buf;

	buf = __get_free_pages(GFP_KERNEL, FOO_ORDER);
	if (!buf)
		return;
	free_page(buf); /* report */
}

void foo_good(void)
{
	unsigned long buf;

	buf = __get_free_pages(GFP_KERNEL, FOO_ORDER);
	if (!buf)
		return;
	free_pages(buf, FOO_ORDER);
}

MODULE_LICENSE("GPL");
