// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch with the order computed by get_order() from a
 * constant size: get_order(SZ_16K) is 2 (with 4K pages) and folds to a
 * constant, so free_page() on that block is the same bug as a literal 2.
 * foo_fw_good() uses the same get_order() on both sides.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/string.h>

#define FOO_FW_SIZE	SZ_16K

int foo_fw_bad(const u8 *fw, size_t len, u32 *version)
{
	unsigned long buf;

	if (len < sizeof(u32) || len > FOO_FW_SIZE)
		return -EINVAL;
	buf = __get_free_pages(GFP_KERNEL, get_order(FOO_FW_SIZE));
	if (!buf)
		return -ENOMEM;
	memcpy((void *)buf, fw, len);
	*version = *(u32 *)buf;
	free_page(buf); /* expect: page-order-mismatch:high */
	return 0;
}

int foo_fw_good(const u8 *fw, size_t len, u32 *version)
{
	unsigned long buf;

	if (len < sizeof(u32) || len > FOO_FW_SIZE)
		return -EINVAL;
	buf = __get_free_pages(GFP_KERNEL, get_order(FOO_FW_SIZE));
	if (!buf)
		return -ENOMEM;
	memcpy((void *)buf, fw, len);
	*version = *(u32 *)buf;
	free_pages(buf, get_order(FOO_FW_SIZE));
	return 0;
}

MODULE_LICENSE("GPL");
