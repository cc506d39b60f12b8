// SPDX-License-Identifier: GPL-2.0
/*
 * A refill helper shared by ndo_open (process context) and ndo_start_xmit
 * (atomic) takes the gfp mask from its caller: xmit passing GFP_KERNEL is
 * the bug, reported at xmit's call.  Twins: xmit of the second driver
 * passes GFP_ATOMIC, and open passes GFP_KERNEL.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct foo_priv {
	struct sk_buff *spare;
};

static int foo_refill(struct net_device *dev, gfp_t gfp)
{
	struct foo_priv *priv = netdev_priv(dev);

	if (priv->spare)
		return 0;
	priv->spare = __netdev_alloc_skb(dev, 1536, gfp);
	return priv->spare ? 0 : -ENOMEM;
}

static int foo_open(struct net_device *dev)
{
	return foo_refill(dev, GFP_KERNEL);
}

static netdev_tx_t foo_xmit(struct sk_buff *skb, struct net_device *dev)
{
	foo_refill(dev, GFP_KERNEL); /* expect: sleep-in-atomic */
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static netdev_tx_t bar_xmit(struct sk_buff *skb, struct net_device *dev)
{
	foo_refill(dev, GFP_ATOMIC);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops foo_netdev_ops = {
	.ndo_open = foo_open,
	.ndo_start_xmit = foo_xmit,
};

static const struct net_device_ops bar_netdev_ops = {
	.ndo_open = foo_open,
	.ndo_start_xmit = bar_xmit,
};

void foo_setup(struct net_device *dev, bool bar)
{
	dev->netdev_ops = bar ? &bar_netdev_ops : &foo_netdev_ops;
}
MODULE_LICENSE("GPL");
