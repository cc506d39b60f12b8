// SPDX-License-Identifier: GPL-2.0
/* Input of the alloc-leak semantic patch (cocci/tests/README.md). */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo {
	u8 *buf;
	size_t len;
};

int foo_bad(struct foo *f, const u8 *data, size_t len)
{
	u8 *buf;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (len < 4)
		return -EINVAL; /* report-only */
	memcpy(buf, data, len);
	f->buf = buf;
	f->len = len;
	return 0;
}

int foo_good(struct foo *f, const u8 *data, size_t len)
{
	u8 *buf;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (len < 4) {
		kfree(buf);
		return -EINVAL;
	}
	memcpy(buf, data, len);
	f->buf = buf;
	f->len = len;
	return 0;
}

MODULE_LICENSE("GPL");
