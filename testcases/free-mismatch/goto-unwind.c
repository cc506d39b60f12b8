// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch in a goto unwind ladder: a kzalloc() context, a vzalloc()
 * log and a kvcalloc() index. foo_open_bad()'s labels release the log
 * with kfree() and the index with vfree(); foo_open_good() uses vfree()
 * and kvfree().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>

#define FOO_LOG_SIZE	(1 << 20)

struct foo_ctx {
	char *log;
	u32 *index;
};

int foo_open_bad(struct foo_ctx **out, unsigned int nr)
{
	struct foo_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->log = vzalloc(FOO_LOG_SIZE);
	if (!ctx->log)
		goto err_ctx;
	ctx->index = kvcalloc(nr, sizeof(*ctx->index), GFP_KERNEL);
	if (!ctx->index)
		goto err_log;
	if (nr > 4096)
		goto err_index;
	*out = ctx;
	return 0;

err_index:
	vfree(ctx->index); /* expect: free-mismatch */
err_log:
	kfree(ctx->log); /* expect: free-mismatch */
err_ctx:
	kfree(ctx);
	return -ENOMEM;
}

int foo_open_good(struct foo_ctx **out, unsigned int nr)
{
	struct foo_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->log = vzalloc(FOO_LOG_SIZE);
	if (!ctx->log)
		goto err_ctx;
	ctx->index = kvcalloc(nr, sizeof(*ctx->index), GFP_KERNEL);
	if (!ctx->index)
		goto err_log;
	if (nr > 4096)
		goto err_index;
	*out = ctx;
	return 0;

err_index:
	kvfree(ctx->index);
err_log:
	vfree(ctx->log);
err_ctx:
	kfree(ctx);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
