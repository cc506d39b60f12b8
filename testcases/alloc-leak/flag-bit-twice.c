// SPDX-License-Identifier: GPL-2.0
/*
 * FP class: the same bit of an `unsigned long` flag word tested twice,
 * `if (priv->flags & FOO_F_DMA)` around the allocation and again around
 * the store.  Such a word reads as a symbol (it may hold an address), so
 * the first test taught nothing of its bits and the second was open both
 * ways: the path that allocated and then skipped the store looked like a
 * leak.  The bits a test teaches are now kept beside the symbol.
 * foo_setup() is silent; foo_setup_cleared() clears the bit in between
 * and leaks; foo_setup_other() tests another bit the second time.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/bits.h>

#define FOO_F_DMA	BIT(2)
#define FOO_F_MSI	BIT(5)

struct foo_priv {
	unsigned long flags;
	void *dma_buf;
	int users;
};

int foo_setup(struct foo_priv *priv)
{
	void *buf = NULL;

	if (priv->flags & FOO_F_DMA) {
		buf = kzalloc(256, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	priv->users++;
	if (priv->flags & FOO_F_DMA)
		priv->dma_buf = buf;
	return 0;
}

int foo_setup_cleared(struct foo_priv *priv)
{
	void *buf = NULL;

	if (priv->flags & FOO_F_DMA) {
		buf = kzalloc(256, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	priv->flags &= ~FOO_F_DMA;
	if (priv->flags & FOO_F_DMA)
		priv->dma_buf = buf;
	return 0; /* expect: alloc-leak */
}

int foo_setup_other(struct foo_priv *priv)
{
	void *buf = NULL;

	if (priv->flags & FOO_F_DMA) {
		buf = kzalloc(256, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	if (priv->flags & FOO_F_MSI)
		priv->dma_buf = buf;
	return 0; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
