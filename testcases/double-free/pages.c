// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of pages through a label that the success path falls into:
 * foo_flash_write_bad() frees its bounce pages after the loop and then
 * runs into out_free:, which frees them again. foo_flash_write_good()
 * has one release at the label.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#define FOO_ORDER	1
#define FOO_CHUNK	(PAGE_SIZE << FOO_ORDER)

struct foo_flash {
	size_t written;
};

static int foo_flash_program(struct foo_flash *fl, const void *buf, size_t n)
{
	return ((const u8 *)buf)[0] == 0xff ? -EIO : 0;
}

int foo_flash_write_bad(struct foo_flash *fl, const u8 *data, size_t len)
{
	unsigned long buf = __get_free_pages(GFP_KERNEL, FOO_ORDER);
	size_t off, n;
	int ret = 0;

	if (!buf)
		return -ENOMEM;
	for (off = 0; off < len; off += n) {
		n = min_t(size_t, len - off, FOO_CHUNK);
		memcpy((void *)buf, data + off, n);
		ret = foo_flash_program(fl, (void *)buf, n);
		if (ret)
			goto out_free;
	}
	free_pages(buf, FOO_ORDER);
	fl->written += len;
out_free:
	free_pages(buf, FOO_ORDER); /* expect: double-free */
	return ret;
}

int foo_flash_write_good(struct foo_flash *fl, const u8 *data, size_t len)
{
	unsigned long buf = __get_free_pages(GFP_KERNEL, FOO_ORDER);
	size_t off, n;
	int ret = 0;

	if (!buf)
		return -ENOMEM;
	for (off = 0; off < len; off += n) {
		n = min_t(size_t, len - off, FOO_CHUNK);
		memcpy((void *)buf, data + off, n);
		ret = foo_flash_program(fl, (void *)buf, n);
		if (ret)
			goto out_free;
	}
	fl->written += len;
out_free:
	free_pages(buf, FOO_ORDER);
	return ret;
}

MODULE_LICENSE("GPL");
