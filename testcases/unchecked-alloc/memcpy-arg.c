// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the unchecked pointer is passed to memcpy(), which
 * dereferences its arguments: reported at the call.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_priv {
	u8 *shadow;
	size_t len;
};

int foo_shadow_bad(struct foo_priv *priv, const u8 *regs, size_t len)
{
	u8 *shadow = kmalloc(len, GFP_KERNEL);

	memcpy(shadow, regs, len); /* expect: unchecked-alloc */
	priv->shadow = shadow;
	priv->len = len;
	return 0;
}

int foo_shadow_good(struct foo_priv *priv, const u8 *regs, size_t len)
{
	u8 *shadow = kmalloc(len, GFP_KERNEL);

	if (!shadow)
		return -ENOMEM;
	memcpy(shadow, regs, len);
	priv->shadow = shadow;
	priv->len = len;
	return 0;
}

MODULE_LICENSE("GPL");
