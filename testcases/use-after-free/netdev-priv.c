// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free of a network device's private area: netdev_priv(nd)
 * points into the block alloc_etherdev() returned, so after
 * free_netdev(nd) the private area is gone too.  The bad remove and the
 * bad error path free a buffer the private area holds after the device;
 * the good ones free it first.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>

struct foo_priv {
	int *table;
};

void foo_bad_remove(struct net_device *nd)
{
	struct foo_priv *p = netdev_priv(nd);

	unregister_netdev(nd);
	free_netdev(nd);
	kfree(p->table); /* expect: use-after-free */
}

void foo_good_remove(struct net_device *nd)
{
	struct foo_priv *p = netdev_priv(nd);

	unregister_netdev(nd);
	kfree(p->table);
	free_netdev(nd);
}

int foo_bad_create(void)
{
	struct net_device *nd = alloc_etherdev(sizeof(struct foo_priv));
	struct foo_priv *p;

	if (!nd)
		return -ENOMEM;
	p = netdev_priv(nd);
	p->table = kcalloc(16, sizeof(int), GFP_KERNEL);
	if (!p->table) {
		free_netdev(nd);
		return -ENOMEM;
	}
	if (register_netdev(nd)) {
		free_netdev(nd);
		kfree(p->table); /* expect: use-after-free */
		return -EIO;
	}
	return 0;
}

int foo_good_create(void)
{
	struct net_device *nd = alloc_etherdev(sizeof(struct foo_priv));
	struct foo_priv *p;

	if (!nd)
		return -ENOMEM;
	p = netdev_priv(nd);
	p->table = kcalloc(16, sizeof(int), GFP_KERNEL);
	if (!p->table) {
		free_netdev(nd);
		return -ENOMEM;
	}
	if (register_netdev(nd)) {
		kfree(p->table);
		free_netdev(nd);
		return -EIO;
	}
	return 0;
}

MODULE_LICENSE("GPL");
