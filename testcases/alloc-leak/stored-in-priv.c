// SPDX-License-Identifier: GPL-2.0
/*
 * Ownership handed to a struct reachable from a parameter: once
 * priv->buf holds the buffer, the error return of foo_setup_good() leaves
 * it to the caller's teardown (not a leak). foo_setup_bad() returns on a
 * failed check before storing it: that leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_priv {
	u8 *buf;
	int mode;
};

int foo_setup_bad(struct foo_priv *priv)
{
	u8 *buf = kmalloc(128, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (priv->mode > 3)
		return -EINVAL; /* expect: alloc-leak */
	priv->buf = buf;
	return 0;
}

int foo_setup_good(struct foo_priv *priv)
{
	u8 *buf = kmalloc(128, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	priv->buf = buf;
	if (priv->mode > 3)
		return -EINVAL;
	return 0;
}

MODULE_LICENSE("GPL");
