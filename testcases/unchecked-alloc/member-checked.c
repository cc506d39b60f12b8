// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the allocation goes into a struct field and the field
 * is what gets checked, `priv->buf = kmalloc(); if (!priv->buf) return;`.
 * foo_bad() tests the field before the new allocation lands in it: a
 * stale check of the previous value.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_priv {
	char *scratch;
	size_t len;
};

int foo_scratch_bad(struct foo_priv *priv, size_t len)
{
	if (priv->scratch)
		return -EBUSY;
	priv->scratch = kmalloc(len, GFP_KERNEL);
	priv->scratch[0] = '\0'; /* expect: unchecked-alloc */
	priv->len = len;
	return 0;
}

int foo_scratch_good(struct foo_priv *priv, size_t len)
{
	if (priv->scratch)
		return -EBUSY;
	priv->scratch = kmalloc(len, GFP_KERNEL);
	if (!priv->scratch)
		return -ENOMEM;
	priv->scratch[0] = '\0';
	priv->len = len;
	return 0;
}

MODULE_LICENSE("GPL");
