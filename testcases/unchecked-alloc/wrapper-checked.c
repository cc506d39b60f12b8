// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: a wrapper that checks its own allocation, initialises
 * it, and returns NULL on failure. The wrapper is correct (silent); it
 * may still return NULL, so a caller that does not check is flagged.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_urb_ctx {
	int state;
	unsigned int retries;
};

struct foo_usb {
	struct foo_urb_ctx *ctx;
};

static struct foo_urb_ctx *foo_ctx_create(void)
{
	struct foo_urb_ctx *ctx;

	ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx) {
		pr_err("foo: cannot allocate urb context\n");
		return NULL;
	}
	ctx->state = 0;
	ctx->retries = 3;
	return ctx;
}

int foo_usb_start_bad(struct foo_usb *usb)
{
	struct foo_urb_ctx *ctx = foo_ctx_create();

	ctx->state = 1; /* expect: unchecked-alloc */
	usb->ctx = ctx;
	return 0;
}

int foo_usb_start_good(struct foo_usb *usb)
{
	struct foo_urb_ctx *ctx = foo_ctx_create();

	if (!ctx)
		return -ENOMEM;
	ctx->state = 1;
	usb->ctx = ctx;
	return 0;
}

MODULE_LICENSE("GPL");
