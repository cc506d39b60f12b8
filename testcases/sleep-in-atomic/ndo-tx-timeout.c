// SPDX-License-Identifier: GPL-2.0
/*
 * ndo_tx_timeout runs from the netdev watchdog timer with the tx lock
 * held: resetting the device there through a helper that takes a mutex
 * and sleeps is a bug (reported in the helper).  Twin: a second driver's
 * tx_timeout only schedules the reset work, and the work function takes
 * the same path in process context.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/workqueue.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct foo_priv {
	struct mutex reset_lock;
	struct work_struct reset_work;
	struct net_device *ndev;
	unsigned int resets;
};

static void foo_hw_reset(struct foo_priv *priv)
{
	mutex_lock(&priv->reset_lock); /* expect: sleep-in-atomic */
	priv->resets++;
	mutex_unlock(&priv->reset_lock);
}

static void foo_tx_timeout(struct net_device *dev, unsigned int txqueue)
{
	struct foo_priv *priv = netdev_priv(dev);

	netdev_warn(dev, "tx timeout on queue %u\n", txqueue);
	foo_hw_reset(priv);
}

static void bar_hw_reset(struct foo_priv *priv)
{
	mutex_lock(&priv->reset_lock);
	usleep_range(100, 200);
	priv->resets++;
	mutex_unlock(&priv->reset_lock);
}

static void bar_reset_work(struct work_struct *w)
{
	struct foo_priv *priv = container_of(w, struct foo_priv, reset_work);

	bar_hw_reset(priv);
}

static void bar_tx_timeout(struct net_device *dev, unsigned int txqueue)
{
	struct foo_priv *priv = netdev_priv(dev);

	schedule_work(&priv->reset_work);
}

static netdev_tx_t foo_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops foo_netdev_ops = {
	.ndo_start_xmit = foo_xmit,
	.ndo_tx_timeout = foo_tx_timeout,
};

static const struct net_device_ops bar_netdev_ops = {
	.ndo_start_xmit = foo_xmit,
	.ndo_tx_timeout = bar_tx_timeout,
};

void foo_setup(struct net_device *dev, bool bar)
{
	struct foo_priv *priv = netdev_priv(dev);

	mutex_init(&priv->reset_lock);
	INIT_WORK(&priv->reset_work, bar_reset_work);
	dev->netdev_ops = bar ? &bar_netdev_ops : &foo_netdev_ops;
}
MODULE_LICENSE("GPL");
