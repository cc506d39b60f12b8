// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and the realloc idiom `tmp = krealloc(buf, ...); if (!tmp)
 * { kfree(buf); ... }`: where krealloc() fails the old block is still
 * there and still the caller's.  foo_read_table_bad() grows its buffer
 * when the device says it is too small and returns -ENOMEM without
 * freeing the old block when the growth fails.  foo_read_table_good()
 * frees it; on success the old block is krealloc()'s business, and the
 * new one is stored.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u8 *table;
	size_t table_len;
	size_t need;
};

static int foo_read(struct foo_dev *fd, u8 *buf, size_t len)
{
	if (len < fd->need)
		return -E2BIG;
	buf[0] = 0;
	return 0;
}

int foo_read_table_bad(struct foo_dev *fd)
{
	size_t len = 64;
	u8 *buf, *tmp;
	int ret;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = foo_read(fd, buf, len);
	if (ret == -E2BIG) {
		len = fd->need;
		tmp = krealloc(buf, len, GFP_KERNEL);
		if (!tmp) /* expect-note: alloc-leak */
			return -ENOMEM; /* expect: alloc-leak */
		buf = tmp;
		ret = foo_read(fd, buf, len);
	}
	if (ret < 0) {
		kfree(buf);
		return ret;
	}
	fd->table = buf;
	fd->table_len = len;
	return 0;
}

int foo_read_table_good(struct foo_dev *fd)
{
	size_t len = 64;
	u8 *buf, *tmp;
	int ret;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = foo_read(fd, buf, len);
	if (ret == -E2BIG) {
		len = fd->need;
		tmp = krealloc(buf, len, GFP_KERNEL);
		if (!tmp) {
			kfree(buf);
			return -ENOMEM;
		}
		buf = tmp;
		ret = foo_read(fd, buf, len);
	}
	if (ret < 0) {
		kfree(buf);
		return ret;
	}
	fd->table = buf;
	fd->table_len = len;
	return 0;
}

MODULE_LICENSE("GPL");
