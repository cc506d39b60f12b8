// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc across functions, through file->private_data: open()
 * stores a kzalloc() context and returns 0 without a NULL check, and
 * write() dereferences it without one. The finding belongs on the store
 * in foo_bad_open(). foo_good_open() checks before returning success, so
 * the same unchecked use in write() is fine. Separate context types.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>

struct foo_bad_ctx {
	loff_t pos;
	size_t written;
};

struct foo_good_ctx {
	loff_t pos;
	size_t written;
};

int foo_bad_open(struct inode *inode, struct file *file)
{
	file->private_data = kzalloc(sizeof(struct foo_bad_ctx), GFP_KERNEL); /* expect: unchecked-alloc */
	return 0;
}

ssize_t foo_bad_write(struct file *file, const char __user *buf, size_t len,
		      loff_t *ppos)
{
	struct foo_bad_ctx *ctx = file->private_data;

	ctx->written += len;
	ctx->pos = *ppos + len;
	return len;
}

int foo_good_open(struct inode *inode, struct file *file)
{
	file->private_data = kzalloc(sizeof(struct foo_good_ctx), GFP_KERNEL);
	if (!file->private_data)
		return -ENOMEM;
	return 0;
}

ssize_t foo_good_write(struct file *file, const char __user *buf, size_t len,
		       loff_t *ppos)
{
	struct foo_good_ctx *ctx = file->private_data;

	ctx->written += len;
	ctx->pos = *ppos + len;
	return len;
}

int foo_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

MODULE_LICENSE("GPL");
