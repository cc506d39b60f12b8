// SPDX-License-Identifier: GPL-2.0
/*
 * NAPI poll functions run in softirq context: refilling the ring with
 * GFP_KERNEL there is a bug, GFP_ATOMIC is correct.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

struct foo_priv {
	struct napi_struct rx_napi, tx_napi;
	struct sk_buff *spare;
	void *desc;
};

static int foo_rx_poll(struct napi_struct *napi, int budget)
{
	struct foo_priv *priv = container_of(napi, struct foo_priv, rx_napi);

	if (!priv->spare)
		priv->spare = alloc_skb(2048, GFP_KERNEL); /* expect: sleep-in-atomic */
	napi_complete_done(napi, 0);
	return 0;
}

static int foo_tx_poll(struct napi_struct *napi, int budget)
{
	struct foo_priv *priv = container_of(napi, struct foo_priv, tx_napi);

	if (!priv->desc)
		priv->desc = kzalloc(64, GFP_ATOMIC);
	napi_complete_done(napi, 0);
	return 0;
}

void foo_napi_init(struct net_device *ndev, struct foo_priv *priv)
{
	netif_napi_add(ndev, &priv->rx_napi, foo_rx_poll);
	netif_napi_add_tx(ndev, &priv->tx_napi, foo_tx_poll);
}
MODULE_LICENSE("GPL");
