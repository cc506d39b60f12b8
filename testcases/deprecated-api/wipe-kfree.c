// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: a memset() or memzero_explicit() of the whole block to
 * 0 right before its kfree() is kfree_sensitive(), which wipes the block
 * (its slack too) in a way the compiler cannot drop.  The finding is on
 * the kfree().  Look-alikes: a memset() of part of the block (the key,
 * not the whole struct), and a memset() after which the block is used
 * again before the kfree().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_ctx {
	u8 key[32];
	u32 rounds;
	u32 flags;
};

int foo_run(struct foo_ctx *ctx)
{
	return ctx->rounds ? 0 : -EINVAL;
}

int foo_bad_once(const u8 *key)
{
	struct foo_ctx *ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);
	int ret;

	if (!ctx)
		return -ENOMEM;
	memcpy(ctx->key, key, sizeof(ctx->key));
	ctx->rounds = 10;
	ret = foo_run(ctx);
	memset(ctx, 0, sizeof(*ctx));
	kfree(ctx); /* expect: deprecated-api */
	return ret;
}

void foo_bad_destroy(struct foo_ctx *ctx)
{
	memzero_explicit(ctx, sizeof(*ctx));
	kfree(ctx); /* expect: deprecated-api */
}

void foo_good_destroy(struct foo_ctx *ctx)
{
	kfree_sensitive(ctx);
}

void foo_ok_key_only(struct foo_ctx *ctx)
{
	memzero_explicit(ctx->key, sizeof(ctx->key));
	kfree(ctx);
}

int foo_ok_reused(struct foo_ctx *ctx, const u8 *key)
{
	int ret;

	memset(ctx, 0, sizeof(*ctx));
	memcpy(ctx->key, key, sizeof(ctx->key));
	ret = foo_run(ctx);
	kfree(ctx);
	return ret;
}

MODULE_LICENSE("GPL");
