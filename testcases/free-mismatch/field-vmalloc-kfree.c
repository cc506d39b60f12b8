// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch across functions, in file operations: open() stores a
 * vmalloc() trace buffer in ctx->trace (ctx in file->private_data), and
 * release() frees it with kfree(). The finding belongs on the free in
 * release. The good pair uses vfree(). Separate context types.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#define FOO_TRACE_SIZE	(256 * 1024)

struct foo_bad_ctx {
	char *trace;
};

struct foo_good_ctx {
	char *trace;
};

int foo_bad_open(struct inode *inode, struct file *file)
{
	struct foo_bad_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->trace = vmalloc(FOO_TRACE_SIZE);
	if (!ctx->trace) {
		kfree(ctx);
		return -ENOMEM;
	}
	file->private_data = ctx;
	return 0;
}

int foo_bad_release(struct inode *inode, struct file *file)
{
	struct foo_bad_ctx *ctx = file->private_data;

	kfree(ctx->trace); /* expect: free-mismatch:medium */
	kfree(ctx);
	return 0;
}

int foo_good_open(struct inode *inode, struct file *file)
{
	struct foo_good_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->trace = vmalloc(FOO_TRACE_SIZE);
	if (!ctx->trace) {
		kfree(ctx);
		return -ENOMEM;
	}
	file->private_data = ctx;
	return 0;
}

int foo_good_release(struct inode *inode, struct file *file)
{
	struct foo_good_ctx *ctx = file->private_data;

	vfree(ctx->trace);
	kfree(ctx);
	return 0;
}

MODULE_LICENSE("GPL");
