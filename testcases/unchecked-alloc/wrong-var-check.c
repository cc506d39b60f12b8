// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the check is on the WRONG variable (a copy-paste slip):
 * priv->tx is allocated, priv->rx is tested, priv->tx is used.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_BUF_SIZE	256

struct foo_uart {
	u8 *rx;
	u8 *tx;
};

int foo_uart_bufs_bad(struct foo_uart *priv)
{
	priv->rx = kmalloc(FOO_BUF_SIZE, GFP_KERNEL);
	if (!priv->rx)
		return -ENOMEM;
	priv->tx = kmalloc(FOO_BUF_SIZE, GFP_KERNEL);
	if (!priv->rx)
		return -ENOMEM;
	priv->tx[0] = 0; /* expect: unchecked-alloc */
	return 0;
}

int foo_uart_bufs_good(struct foo_uart *priv)
{
	priv->rx = kmalloc(FOO_BUF_SIZE, GFP_KERNEL);
	if (!priv->rx)
		return -ENOMEM;
	priv->tx = kmalloc(FOO_BUF_SIZE, GFP_KERNEL);
	if (!priv->tx)
		return -ENOMEM;
	priv->tx[0] = 0;
	return 0;
}

MODULE_LICENSE("GPL");
