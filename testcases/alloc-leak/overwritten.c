// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak by overwriting the only pointer: foo_reset_bad() allocates a
 * new table into buf while buf still holds the first one, which becomes
 * unreachable. foo_reset_good() frees the first one before.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u8 *table;
};

int foo_reset_bad(struct foo_dev *fd, size_t len)
{
	u8 *buf;

	buf = kzalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf[0] = 1;
	buf = kzalloc(len, GFP_KERNEL); /* expect: alloc-leak */
	if (!buf)
		return -ENOMEM;
	fd->table = buf;
	return 0;
}

int foo_reset_good(struct foo_dev *fd, size_t len)
{
	u8 *buf;

	buf = kzalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf[0] = 1;
	kfree(buf);
	buf = kzalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	fd->table = buf;
	return 0;
}

MODULE_LICENSE("GPL");
