// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/netronome/nfp/nfp_net_common.c,
 * nfp_net_alloc()): the object is either the private area of a net
 * device, whose netdev pointer is set, or a vzalloc() block whose netdev
 * pointer no path sets, so it reads NULL; the error path frees the
 * device when the pointer is set and the block otherwise.  A pointer
 * field of a zeroed block reads NULL until written, as long as the block
 * was not handed to a function kmemlint does not see.
 * foo_alloc_good() is silent.  foo_alloc_bad()'s error path frees only
 * the device, which a vzalloc() block does not have: the block leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/err.h>

struct foo_net {
	struct net_device *netdev;
	u32 max_rings;
	int tlv;
};

static int foo_parse(struct foo_net *nn)
{
	return nn->max_rings > 64 ? -EINVAL : 0;
}

struct foo_net *foo_alloc_good(bool needs_netdev, u32 max_rings)
{
	struct foo_net *nn;
	int err;

	if (needs_netdev) {
		struct net_device *netdev;

		netdev = alloc_etherdev(sizeof(*nn));
		if (!netdev)
			return ERR_PTR(-ENOMEM);
		nn = netdev_priv(netdev);
		nn->netdev = netdev;
	} else {
		nn = vzalloc(sizeof(*nn));
		if (!nn)
			return ERR_PTR(-ENOMEM);
	}
	nn->max_rings = max_rings;
	err = foo_parse(nn);
	if (err)
		goto err_free_nn;
	return nn;

err_free_nn:
	if (nn->netdev)
		free_netdev(nn->netdev);
	else
		vfree(nn);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(foo_alloc_good);

struct foo_net *foo_alloc_bad(u32 max_rings)
{
	struct foo_net *nn;
	int err;

	nn = vzalloc(sizeof(*nn));
	if (!nn)
		return ERR_PTR(-ENOMEM);
	nn->max_rings = max_rings;
	err = foo_parse(nn);
	if (err)
		goto err_free_nn;
	return nn;

err_free_nn:
	if (nn->netdev)
		free_netdev(nn->netdev);
	return ERR_PTR(err); /* expect: alloc-leak */
}
EXPORT_SYMBOL_GPL(foo_alloc_bad);
MODULE_LICENSE("GPL");
