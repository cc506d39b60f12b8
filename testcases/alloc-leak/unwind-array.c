// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and an array of buffers unwound with
 * `while (--i >= 0) kfree(bufs[i])`: the elements allocated before the
 * failing one are freed by the loop, which the engine cannot follow
 * element by element; it must report only what is certain.
 * foo_alloc_bufs_bad() unwinds the elements but forgets the array that
 * held them (certain on every error path).  foo_alloc_bufs_good() frees
 * the array too, and must stay silent about the elements.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u8 **bufs;
	int nbufs;
	size_t buf_len;
};

int foo_alloc_bufs_bad(struct foo_dev *fd, int n)
{
	u8 **bufs;
	int i;

	bufs = kcalloc(n, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		bufs[i] = kmalloc(fd->buf_len, GFP_KERNEL);
		if (!bufs[i]) /* expect-note: alloc-leak */
			goto err_free;
	}
	fd->bufs = bufs;
	fd->nbufs = n;
	return 0;

err_free:
	while (--i >= 0)
		kfree(bufs[i]);
	return -ENOMEM; /* expect: alloc-leak */
}

int foo_alloc_bufs_good(struct foo_dev *fd, int n)
{
	u8 **bufs;
	int i;

	bufs = kcalloc(n, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		bufs[i] = kmalloc(fd->buf_len, GFP_KERNEL);
		if (!bufs[i])
			goto err_free;
	}
	fd->bufs = bufs;
	fd->nbufs = n;
	return 0;

err_free:
	while (--i >= 0)
		kfree(bufs[i]);
	kfree(bufs);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
