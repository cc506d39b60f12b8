// SPDX-License-Identifier: GPL-2.0
/*
 * Correct code only: the fields of a static ops table that run in process
 * context (ndo_open, ndo_stop, ndo_change_mtu, ndo_eth_ioctl, an ethtool
 * callback) may sleep: a mutex, GFP_KERNEL, msleep().  Only the atomic
 * fields of the rules tables make a function atomic.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct foo_priv {
	struct mutex cfg_lock;
	void *rx_buf;
	int mtu;
};

static int foo_open(struct net_device *dev)
{
	struct foo_priv *priv = netdev_priv(dev);

	mutex_lock(&priv->cfg_lock);
	priv->rx_buf = kzalloc(2048, GFP_KERNEL);
	mutex_unlock(&priv->cfg_lock);
	return priv->rx_buf ? 0 : -ENOMEM;
}

static int foo_stop(struct net_device *dev)
{
	struct foo_priv *priv = netdev_priv(dev);

	msleep(10);
	kfree(priv->rx_buf);
	priv->rx_buf = NULL;
	return 0;
}

static int foo_change_mtu(struct net_device *dev, int new_mtu)
{
	struct foo_priv *priv = netdev_priv(dev);

	mutex_lock(&priv->cfg_lock);
	priv->mtu = new_mtu;
	dev->mtu = new_mtu;
	mutex_unlock(&priv->cfg_lock);
	return 0;
}

static netdev_tx_t foo_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static void foo_get_drvinfo(struct net_device *dev,
			    struct ethtool_drvinfo *info)
{
	struct foo_priv *priv = netdev_priv(dev);

	mutex_lock(&priv->cfg_lock);
	strscpy(info->driver, "foo", sizeof(info->driver));
	mutex_unlock(&priv->cfg_lock);
}

static const struct net_device_ops foo_netdev_ops = {
	.ndo_open = foo_open,
	.ndo_stop = foo_stop,
	.ndo_start_xmit = foo_xmit,
	.ndo_change_mtu = foo_change_mtu,
};

static const struct ethtool_ops foo_ethtool_ops = {
	.get_drvinfo = foo_get_drvinfo,
};

void foo_setup(struct net_device *dev)
{
	dev->netdev_ops = &foo_netdev_ops;
	dev->ethtool_ops = &foo_ethtool_ops;
}
MODULE_LICENSE("GPL");
