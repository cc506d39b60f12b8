// SPDX-License-Identifier: GPL-2.0
/* Input of the deprecated-api semantic patch (cocci/tests/README.md). */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#define FOO_NR	16

/* compat shim of an out-of-tree driver */
static inline void kzfree(const void *p)
{
	kfree_sensitive(p);
}

struct foo_ctx {
	u8 key[32];
	u32 rounds;
	u32 vals[];
};

void foo_kzfree(struct foo_ctx *ctx)
{
	kzfree(ctx); /* report */
}

void foo_wipe(struct foo_ctx *ctx)
{
	memzero_explicit(ctx, sizeof(*ctx));
	kfree(ctx); /* report */
}

void foo_wipe_key_only(struct foo_ctx *ctx)
{
	memzero_explicit(ctx->key, sizeof(ctx->key));
	kfree(ctx);
}

int foo_arrays(struct device *dev, unsigned int n, u32 **a, u64 **b, u16 **c)
{
	*a = kmalloc(n * sizeof(u32), GFP_KERNEL); /* report */
	*b = kzalloc(sizeof(**b) * n, GFP_KERNEL); /* report */
	*c = devm_kzalloc(dev, n * sizeof(u16), GFP_KERNEL); /* report */
	return *a && *b && *c ? 0 : -ENOMEM;
}

struct foo_ctx *foo_no_products(unsigned int n)
{
	u32 *fixed = kmalloc(FOO_NR * sizeof(u32), GFP_KERNEL);
	u32 *sized = kmalloc(array_size(n, sizeof(u32)), GFP_KERNEL);
	struct foo_ctx *ctx = kzalloc(struct_size(ctx, vals, n), GFP_KERNEL);

	kfree(fixed);
	kfree(sized);
	return ctx;
}

struct foo_ctx *foo_zalloc(size_t len, u8 **buf, struct kmem_cache *cache)
{
	struct foo_ctx *ctx = kmem_cache_alloc(cache, GFP_KERNEL);

	if (!ctx)
		return NULL;
	memset(ctx, 0, sizeof(*ctx)); /* report */
	*buf = vmalloc(len);
	if (!*buf)
		return ctx;
	memset(*buf, 0, len); /* report */
	return ctx;
}

u8 *foo_zalloc_header(size_t len)
{
	u8 *p = kmalloc(len, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, 16);
	return p;
}

MODULE_LICENSE("GPL");
