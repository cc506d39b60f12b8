// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free in an error message: foo_open_bad() frees the context on
 * a failed handshake and then prints ctx->id in the dev_err(). The good
 * twin prints first.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/slab.h>

struct foo_ctx {
	int id;
	u32 caps;
};

static int foo_handshake(struct foo_ctx *ctx)
{
	return ctx->caps ? 0 : -EPROTO;
}

int foo_open_bad(struct device *dev, int id, struct foo_ctx **out)
{
	struct foo_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int ret;

	if (!ctx)
		return -ENOMEM;
	ctx->id = id;
	ret = foo_handshake(ctx);
	if (ret) {
		kfree(ctx);
		dev_err(dev, "ctx %d: handshake failed: %d\n", ctx->id, ret); /* expect: use-after-free */
		return ret;
	}
	*out = ctx;
	return 0;
}

int foo_open_good(struct device *dev, int id, struct foo_ctx **out)
{
	struct foo_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int ret;

	if (!ctx)
		return -ENOMEM;
	ctx->id = id;
	ret = foo_handshake(ctx);
	if (ret) {
		dev_err(dev, "ctx %d: handshake failed: %d\n", ctx->id, ret);
		kfree(ctx);
		return ret;
	}
	*out = ctx;
	return 0;
}

MODULE_LICENSE("GPL");
