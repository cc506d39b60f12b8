// SPDX-License-Identifier: GPL-2.0
/*
 * double-free with a helper that frees a field on error only:
 * foo_parse() kfree()s fd->buf and returns non-zero when the header is
 * bad, and returns 0 with fd->buf untouched otherwise. foo_load_good()
 * frees fd->buf again only on success (silent); foo_load_bad() frees it
 * whatever foo_parse() returned (double free on its error path).
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_MAGIC	0xa5

struct foo_dev {
	u8 *buf;
	u8 ver;
};

static int foo_parse(struct foo_dev *fd)
{
	if (fd->buf[0] != FOO_MAGIC) {
		kfree(fd->buf);
		return -EINVAL;
	}
	fd->ver = fd->buf[1];
	return 0;
}

int foo_load_good(struct foo_dev *fd, const u8 *data, size_t len)
{
	int ret;

	if (len < 2)
		return -EINVAL;
	fd->buf = kmemdup(data, len, GFP_KERNEL);
	if (!fd->buf)
		return -ENOMEM;
	ret = foo_parse(fd);
	if (ret)
		return ret;	/* foo_parse() freed fd->buf */
	kfree(fd->buf);
	fd->buf = NULL;
	return 0;
}

int foo_load_bad(struct foo_dev *fd, const u8 *data, size_t len)
{
	int ret;

	if (len < 2)
		return -EINVAL;
	fd->buf = kmemdup(data, len, GFP_KERNEL);
	if (!fd->buf)
		return -ENOMEM;
	ret = foo_parse(fd);
	kfree(fd->buf); /* expect: double-free */
	fd->buf = NULL;
	return ret;
}

MODULE_LICENSE("GPL");
