// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the pointer is checked on one branch only,
 * `if (flag) { if (!p) return -ENOMEM; } p->x = 0;`: the path with flag
 * false reaches the use unchecked.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ctx {
	u32 x;
	u32 y;
};

struct foo_priv {
	struct foo_ctx *ctx;
	bool verbose;
};

int foo_ctx_bad(struct foo_priv *priv)
{
	struct foo_ctx *ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);

	if (priv->verbose) {
		if (!ctx)
			return -ENOMEM;
		pr_info("foo: context at %p\n", ctx);
	}
	ctx->x = 0; /* expect: unchecked-alloc */
	priv->ctx = ctx;
	return 0;
}

int foo_ctx_good(struct foo_priv *priv)
{
	struct foo_ctx *ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	if (priv->verbose)
		pr_info("foo: context at %p\n", ctx);
	ctx->x = 0;
	priv->ctx = ctx;
	return 0;
}

MODULE_LICENSE("GPL");
