// SPDX-License-Identifier: GPL-2.0
/*
 * page_pool refills from NAPI poll, which runs in softirq context.
 * page_pool_dev_alloc_pages() passes GFP_ATOMIC | __GFP_NOWARN: the
 * refill never sleeps (silent; the slow path's reclaim in the core
 * kernel is taken only for a blocking mask).  foo_tx_poll() asks the
 * pool for pages with GFP_KERNEL, which may sleep in direct reclaim.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <net/page_pool.h>

struct foo_priv {
	struct napi_struct rx_napi, tx_napi;
	struct page_pool *pool;
	struct page *rx_page, *tx_page;
};

static int foo_rx_poll(struct napi_struct *napi, int budget)
{
	struct foo_priv *priv = container_of(napi, struct foo_priv, rx_napi);

	if (!priv->rx_page)
		priv->rx_page = page_pool_dev_alloc_pages(priv->pool);
	napi_complete_done(napi, 0);
	return 0;
}

static int foo_tx_poll(struct napi_struct *napi, int budget)
{
	struct foo_priv *priv = container_of(napi, struct foo_priv, tx_napi);

	if (!priv->tx_page)
		priv->tx_page = page_pool_alloc_pages(priv->pool, GFP_KERNEL); /* expect: sleep-in-atomic */
	napi_complete_done(napi, 0);
	return 0;
}

void foo_napi_init(struct net_device *ndev, struct foo_priv *priv)
{
	netif_napi_add(ndev, &priv->rx_napi, foo_rx_poll);
	netif_napi_add_tx(ndev, &priv->tx_napi, foo_tx_poll);
}
MODULE_LICENSE("GPL");
