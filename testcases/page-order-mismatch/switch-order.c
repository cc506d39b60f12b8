// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch with a switch: the scratch buffer's order depends on
 * the transfer kind, and the release switches on the same kind. In
 * foo_xfer_bad() the FOO_XFER_BULK case releases order 1 pages that were
 * allocated with order 3. foo_xfer_good()'s cases match (the engine has
 * to follow the same kind through both switches to stay silent on it).
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

enum foo_xfer_kind { FOO_XFER_CTRL, FOO_XFER_INT, FOO_XFER_BULK };

int foo_xfer_bad(enum foo_xfer_kind kind, const void *data, size_t len)
{
	unsigned long buf;

	switch (kind) {
	case FOO_XFER_CTRL:
		buf = __get_free_page(GFP_KERNEL);
		break;
	case FOO_XFER_INT:
		buf = __get_free_pages(GFP_KERNEL, 1);
		break;
	default:
		buf = __get_free_pages(GFP_KERNEL, 3);
		break;
	}
	if (!buf)
		return -ENOMEM;
	memcpy((void *)buf, data, min_t(size_t, len, PAGE_SIZE));

	switch (kind) {
	case FOO_XFER_CTRL:
		free_page(buf);
		break;
	default:	/* FOO_XFER_INT, and FOO_XFER_BULK: order 3 */
		free_pages(buf, 1); /* expect: page-order-mismatch */
		break;
	}
	return 0;
}

int foo_xfer_good(enum foo_xfer_kind kind, const void *data, size_t len)
{
	unsigned long buf;

	switch (kind) {
	case FOO_XFER_CTRL:
		buf = __get_free_page(GFP_KERNEL);
		break;
	case FOO_XFER_INT:
		buf = __get_free_pages(GFP_KERNEL, 1);
		break;
	default:
		buf = __get_free_pages(GFP_KERNEL, 3);
		break;
	}
	if (!buf)
		return -ENOMEM;
	memcpy((void *)buf, data, min_t(size_t, len, PAGE_SIZE));

	switch (kind) {
	case FOO_XFER_CTRL:
		free_page(buf);
		break;
	case FOO_XFER_INT:
		free_pages(buf, 1);
		break;
	default:
		free_pages(buf, 3);
		break;
	}
	return 0;
}

MODULE_LICENSE("GPL");
