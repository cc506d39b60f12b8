// SPDX-License-Identifier: GPL-2.0
/*
 * ndo_set_rx_mode is called under netif_addr_lock_bh(): building the
 * multicast list with GFP_KERNEL there is a bug.  Twin: the same list
 * built with GFP_ATOMIC.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

struct foo_priv {
	u8 *mc_list;
	int mc_count;
};

static void foo_set_rx_mode(struct net_device *dev)
{
	struct foo_priv *priv = netdev_priv(dev);
	struct netdev_hw_addr *ha;
	u8 *list;
	int i = 0;

	list = kcalloc(netdev_mc_count(dev), ETH_ALEN, GFP_KERNEL); /* expect: sleep-in-atomic */
	if (!list)
		return;
	netdev_for_each_mc_addr(ha, dev)
		ether_addr_copy(list + ETH_ALEN * i++, ha->addr);
	kfree(priv->mc_list);
	priv->mc_list = list;
	priv->mc_count = i;
}

static void bar_set_rx_mode(struct net_device *dev)
{
	struct foo_priv *priv = netdev_priv(dev);
	struct netdev_hw_addr *ha;
	u8 *list;
	int i = 0;

	list = kcalloc(netdev_mc_count(dev), ETH_ALEN, GFP_ATOMIC);
	if (!list)
		return;
	netdev_for_each_mc_addr(ha, dev)
		ether_addr_copy(list + ETH_ALEN * i++, ha->addr);
	kfree(priv->mc_list);
	priv->mc_list = list;
	priv->mc_count = i;
}

static netdev_tx_t foo_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops foo_netdev_ops = {
	.ndo_start_xmit = foo_xmit,
	.ndo_set_rx_mode = foo_set_rx_mode,
};

static const struct net_device_ops bar_netdev_ops = {
	.ndo_start_xmit = foo_xmit,
	.ndo_set_rx_mode = bar_set_rx_mode,
};

void foo_setup(struct net_device *dev, bool bar)
{
	dev->netdev_ops = bar ? &bar_netdev_ops : &foo_netdev_ops;
}
MODULE_LICENSE("GPL");
