// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the plain `if (!p) return -ENOMEM;` check.
 * foo_open_bad() dereferences the kmalloc() result without any check;
 * foo_open_good() is the correct twin and must stay silent.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ctx {
	int id;
	unsigned int flags;
};

struct foo_priv {
	struct foo_ctx *ctx;
};

int foo_open_bad(struct foo_priv *priv, int id)
{
	struct foo_ctx *ctx;

	ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);
	ctx->id = id; /* expect: unchecked-alloc:high */
	ctx->flags = 0;
	priv->ctx = ctx;
	return 0;
}

int foo_open_good(struct foo_priv *priv, int id)
{
	struct foo_ctx *ctx;

	ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->id = id;
	ctx->flags = 0;
	priv->ctx = ctx;
	return 0;
}

MODULE_LICENSE("GPL");
