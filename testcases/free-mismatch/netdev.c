// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch on network devices: alloc_etherdev() memory (the device
 * and its netdev_priv() area, one block) released with kfree() instead
 * of free_netdev(); a devm_alloc_etherdev() device released with
 * free_netdev() in a probe error path (devres frees it again at unbind);
 * a CAN device released with free_netdev(), which leaks the echo skb
 * array free_candev() would free.  The good functions use the matching
 * release, or none for the managed device.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/can/dev.h>

struct foo_priv {
	int id;
};

static const struct net_device_ops foo_ops;

int foo_bad_create(int id)
{
	struct net_device *nd = alloc_etherdev(sizeof(struct foo_priv));
	struct foo_priv *p;

	if (!nd)
		return -ENOMEM;
	p = netdev_priv(nd);
	p->id = id;
	nd->netdev_ops = &foo_ops;
	if (register_netdev(nd)) {
		kfree(nd); /* expect: free-mismatch */
		return -EIO;
	}
	return 0;
}

int foo_good_create(int id)
{
	struct net_device *nd = alloc_etherdev(sizeof(struct foo_priv));
	struct foo_priv *p;

	if (!nd)
		return -ENOMEM;
	p = netdev_priv(nd);
	p->id = id;
	nd->netdev_ops = &foo_ops;
	if (register_netdev(nd)) {
		free_netdev(nd);
		return -EIO;
	}
	return 0;
}

int foo_bad_devm_probe(struct device *dev)
{
	struct net_device *nd = devm_alloc_etherdev(dev, sizeof(struct foo_priv));

	if (!nd)
		return -ENOMEM;
	SET_NETDEV_DEV(nd, dev);
	nd->netdev_ops = &foo_ops;
	if (register_netdev(nd)) {
		free_netdev(nd); /* expect: free-mismatch */
		return -EIO;
	}
	return 0;
}

int foo_good_devm_probe(struct device *dev)
{
	struct net_device *nd = devm_alloc_etherdev(dev, sizeof(struct foo_priv));

	if (!nd)
		return -ENOMEM;
	SET_NETDEV_DEV(nd, dev);
	nd->netdev_ops = &foo_ops;
	return register_netdev(nd);
}

int foo_bad_can_create(void)
{
	struct net_device *nd = alloc_candev(sizeof(struct foo_priv), 4);

	if (!nd)
		return -ENOMEM;
	nd->netdev_ops = &foo_ops;
	if (register_candev(nd)) {
		free_netdev(nd); /* expect: free-mismatch */
		return -EIO;
	}
	return 0;
}

int foo_good_can_create(void)
{
	struct net_device *nd = alloc_candev(sizeof(struct foo_priv), 4);

	if (!nd)
		return -ENOMEM;
	nd->netdev_ops = &foo_ops;
	if (register_candev(nd)) {
		free_candev(nd);
		return -EIO;
	}
	return 0;
}

MODULE_LICENSE("GPL");
