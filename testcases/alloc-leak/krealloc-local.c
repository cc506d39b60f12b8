// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak: krealloc() over the only pointer to the block.  Where
 * krealloc() fails it returns NULL and leaves the old block allocated;
 * `buf = krealloc(buf, ...)` overwrites the only pointer to it with that
 * NULL, and the block can no longer be freed.  foo_collect_bad() grows
 * its sample buffer that way; foo_collect_good() keeps the result in a
 * temporary and frees the old block when the growth fails.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u16 *samples;
	int nsamples;
	int pending;
};

static u16 foo_read_sample(struct foo_dev *fd)
{
	return (u16)fd->pending--;
}

int foo_collect_bad(struct foo_dev *fd)
{
	u16 *buf;
	int n = 0, cap = 16;

	buf = kmalloc_array(cap, sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (fd->pending > 0) {
		if (n == cap) {
			cap *= 2;
			buf = krealloc(buf, cap * sizeof(*buf), GFP_KERNEL); /* expect: alloc-leak */
			if (!buf)
				return -ENOMEM;
		}
		buf[n++] = foo_read_sample(fd);
	}
	fd->samples = buf;
	fd->nsamples = n;
	return 0;
}

int foo_collect_good(struct foo_dev *fd)
{
	u16 *buf, *tmp;
	int n = 0, cap = 16;

	buf = kmalloc_array(cap, sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (fd->pending > 0) {
		if (n == cap) {
			cap *= 2;
			tmp = krealloc(buf, cap * sizeof(*buf), GFP_KERNEL);
			if (!tmp) {
				kfree(buf);
				return -ENOMEM;
			}
			buf = tmp;
		}
		buf[n++] = foo_read_sample(fd);
	}
	fd->samples = buf;
	fd->nsamples = n;
	return 0;
}

MODULE_LICENSE("GPL");
