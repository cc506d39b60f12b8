// SPDX-License-Identifier: GPL-2.0
/*
 * Freed through a local helper: foo_ctx_free()'s summary frees its
 * argument, so foo_open_good()'s error path does not leak. foo_open_bad()
 * calls a helper that only logs.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/printk.h>

struct foo_ctx {
	u8 *buf;
	int id;
};

static void foo_ctx_free(struct foo_ctx *ctx)
{
	kfree(ctx);
}

static void foo_ctx_log(struct foo_ctx *ctx)
{
	pr_debug("foo: ctx %d failed\n", ctx->id);
}

int foo_open_bad(int id, struct foo_ctx **out)
{
	struct foo_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->id = id;
	if (id < 0) {
		foo_ctx_log(ctx);
		return -EINVAL; /* expect: alloc-leak */
	}
	*out = ctx;
	return 0;
}

int foo_open_good(int id, struct foo_ctx **out)
{
	struct foo_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->id = id;
	if (id < 0) {
		foo_ctx_free(ctx);
		return -EINVAL;
	}
	*out = ctx;
	return 0;
}

MODULE_LICENSE("GPL");
