// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch: two order macros side by side and the wrong one on
 * the release: a bounce buffer from __get_free_pages(gfp, FOO_RX_ORDER)
 * (order 2) freed with free_pages(buf, FOO_TX_ORDER) (order 1). Half of
 * the block leaks. foo_bounce_good() uses the same macro on both sides.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#define FOO_RX_ORDER	2
#define FOO_TX_ORDER	1

static u32 foo_csum(const u8 *p, size_t len)
{
	u32 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

int foo_bounce_bad(const void *src, size_t len, u32 *csum)
{
	unsigned long buf;

	if (len > PAGE_SIZE << FOO_RX_ORDER)
		return -E2BIG;
	buf = __get_free_pages(GFP_KERNEL, FOO_RX_ORDER);
	if (!buf)
		return -ENOMEM;
	memcpy((void *)buf, src, len);
	*csum = foo_csum((const u8 *)buf, len);
	free_pages(buf, FOO_TX_ORDER); /* expect: page-order-mismatch */
	return 0;
}

int foo_bounce_good(const void *src, size_t len, u32 *csum)
{
	unsigned long buf;

	if (len > PAGE_SIZE << FOO_RX_ORDER)
		return -E2BIG;
	buf = __get_free_pages(GFP_KERNEL, FOO_RX_ORDER);
	if (!buf)
		return -ENOMEM;
	memcpy((void *)buf, src, len);
	*csum = foo_csum((const u8 *)buf, len);
	free_pages(buf, FOO_RX_ORDER);
	return 0;
}

MODULE_LICENSE("GPL");
