// SPDX-License-Identifier: GPL-2.0
/*
 * ndo_start_xmit runs with bottom halves disabled: a helper it calls that
 * allocates with GFP_KERNEL is a bug (reported in the helper).  Twin: a
 * second driver's xmit whose helper uses GFP_ATOMIC, and ndo_open, which
 * runs in process context, allocating with GFP_KERNEL.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

struct foo_desc {
	dma_addr_t addr;
	unsigned int len;
};

struct foo_priv {
	struct foo_desc *ring;
	void *stats;
};

static struct foo_desc *foo_desc_new(struct sk_buff *skb)
{
	struct foo_desc *d = kzalloc(sizeof(*d), GFP_KERNEL); /* expect: sleep-in-atomic */

	if (d)
		d->len = skb->len;
	return d;
}

static netdev_tx_t foo_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct foo_desc *d = foo_desc_new(skb);

	if (!d) {
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	kfree(d);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static struct foo_desc *bar_desc_new(struct sk_buff *skb)
{
	struct foo_desc *d = kzalloc(sizeof(*d), GFP_ATOMIC);

	if (d)
		d->len = skb->len;
	return d;
}

static netdev_tx_t bar_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct foo_desc *d = bar_desc_new(skb);

	kfree(d);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static int foo_open(struct net_device *dev)
{
	struct foo_priv *priv = netdev_priv(dev);

	priv->stats = kzalloc(128, GFP_KERNEL);
	if (!priv->stats)
		return -ENOMEM;
	netif_start_queue(dev);
	return 0;
}

static int foo_stop(struct net_device *dev)
{
	struct foo_priv *priv = netdev_priv(dev);

	netif_stop_queue(dev);
	kfree(priv->stats);
	priv->stats = NULL;
	return 0;
}

static const struct net_device_ops foo_netdev_ops = {
	.ndo_open = foo_open,
	.ndo_stop = foo_stop,
	.ndo_start_xmit = foo_xmit,
};

static const struct net_device_ops bar_netdev_ops = {
	.ndo_open = foo_open,
	.ndo_stop = foo_stop,
	.ndo_start_xmit = bar_xmit,
};

void foo_setup(struct net_device *dev, bool bar)
{
	dev->netdev_ops = bar ? &bar_netdev_ops : &foo_netdev_ops;
}
MODULE_LICENSE("GPL");
