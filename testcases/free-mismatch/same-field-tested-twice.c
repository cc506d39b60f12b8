// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch false positive seen on real drivers (ath10k's HL/LL
 * split): the same field is tested twice, `if (ar->bus.dev_type == HL)
 * x->buf = kmalloc(); else x->buf = dma_alloc_coherent();` and later the
 * same test picks kfree() or dma_free_coherent(). Each release matches
 * its allocation: silent, whether the second test reads the field through
 * the same path (foo_xfer_good()) or through another path to the same
 * struct, x->ar->bus.dev_type (foo_xfer_good_alias()). foo_xfer_bad()
 * inverts the second test, so both of its releases are wrong.
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

enum foo_dev_type { FOO_DEV_HL, FOO_DEV_LL };

struct foo_ar {
	struct device *dev;
	struct { enum foo_dev_type dev_type; } bus;
};

struct foo_xfer {
	struct foo_ar *ar;
	void *buf;
	dma_addr_t dma;
};

void foo_xfer_good(struct foo_ar *ar, struct foo_xfer *x, size_t len)
{
	if (ar->bus.dev_type == FOO_DEV_HL)
		x->buf = kmalloc(len, GFP_KERNEL);
	else
		x->buf = dma_alloc_coherent(ar->dev, len, &x->dma, GFP_KERNEL);
	if (!x->buf)
		return;
	memset(x->buf, 0, len); /* expect: deprecated-api */
	if (ar->bus.dev_type == FOO_DEV_HL)
		kfree(x->buf);
	else
		dma_free_coherent(ar->dev, len, x->buf, x->dma);
	x->buf = NULL;
}

void foo_xfer_good_alias(struct foo_xfer *x, size_t len)
{
	struct foo_ar *ar = x->ar;

	if (ar->bus.dev_type == FOO_DEV_HL)
		x->buf = kmalloc(len, GFP_KERNEL);
	else
		x->buf = dma_alloc_coherent(ar->dev, len, &x->dma, GFP_KERNEL);
	if (!x->buf)
		return;
	memset(x->buf, 0, len); /* expect: deprecated-api */
	if (x->ar->bus.dev_type == FOO_DEV_HL)
		kfree(x->buf);
	else
		dma_free_coherent(ar->dev, len, x->buf, x->dma);
	x->buf = NULL;
}

void foo_xfer_bad(struct foo_ar *ar, struct foo_xfer *x, size_t len)
{
	if (ar->bus.dev_type == FOO_DEV_HL)
		x->buf = kmalloc(len, GFP_KERNEL);
	else
		x->buf = dma_alloc_coherent(ar->dev, len, &x->dma, GFP_KERNEL);
	if (!x->buf)
		return;
	memset(x->buf, 0, len); /* expect: deprecated-api */
	if (ar->bus.dev_type != FOO_DEV_HL)
		kfree(x->buf); /* expect: free-mismatch */
	else
		dma_free_coherent(ar->dev, len, x->buf, x->dma); /* expect: free-mismatch */
	x->buf = NULL;
}

MODULE_LICENSE("GPL");
