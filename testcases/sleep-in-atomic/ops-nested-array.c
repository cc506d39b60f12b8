// SPDX-License-Identifier: GPL-2.0
/*
 * Ops tables nested in a driver's variant table (an array of structs,
 * the ops as a member, written with and without designators) and an
 * array of ops tables: each xmit function is found in its field.  The
 * xmit of variant A and of table 0 sleep (msleep(), mutex_lock()); their
 * twins busy-wait with udelay() or take a spinlock.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct foo_priv {
	struct mutex cfg_lock;
	spinlock_t tx_lock;
	unsigned int pending;
};

struct foo_variant {
	const char *name;
	struct net_device_ops ops;
	unsigned int flags;
};

static netdev_tx_t foo_a_xmit(struct sk_buff *skb, struct net_device *dev)
{
	msleep(1); /* expect: sleep-in-atomic */
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static netdev_tx_t foo_b_xmit(struct sk_buff *skb, struct net_device *dev)
{
	udelay(10);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static netdev_tx_t foo_x0_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct foo_priv *priv = netdev_priv(dev);

	mutex_lock(&priv->cfg_lock); /* expect: sleep-in-atomic */
	priv->pending++;
	mutex_unlock(&priv->cfg_lock);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static netdev_tx_t foo_x1_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct foo_priv *priv = netdev_priv(dev);

	spin_lock(&priv->tx_lock);
	priv->pending++;
	spin_unlock(&priv->tx_lock);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct foo_variant foo_variants[] = {
	{
		.name = "foo-a",
		.ops = { .ndo_start_xmit = foo_a_xmit },
	},
	{ "foo-b", { .ndo_start_xmit = foo_b_xmit }, 1 },
};

static const struct net_device_ops foo_ops_by_rev[2] = {
	[0] = { .ndo_start_xmit = foo_x0_xmit },
	[1] = { .ndo_start_xmit = foo_x1_xmit },
};

void foo_setup(struct net_device *dev, unsigned int variant, unsigned int rev)
{
	if (variant < ARRAY_SIZE(foo_variants))
		dev->netdev_ops = &foo_variants[variant].ops;
	else
		dev->netdev_ops = &foo_ops_by_rev[rev & 1];
}
MODULE_LICENSE("GPL");
