// SPDX-License-Identifier: GPL-2.0
/*
 * A received frame copied into a fresh skb and handed to the stack with
 * netif_rx(), which consumes it whatever it returns (an owner line).
 * foo_rx_good() gives it up on every path: netif_rx() or
 * dev_kfree_skb_any() when the frame is too short.  foo_rx_bad() drops a
 * frame with a bad header by counting it and returning, and the skb
 * leaks.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>

int foo_rx_good(struct net_device *ndev, const u8 *data, unsigned int len)
{
	struct sk_buff *skb;

	skb = netdev_alloc_skb_ip_align(ndev, len);
	if (!skb) {
		ndev->stats.rx_dropped++;
		return -ENOMEM;
	}
	skb_put_data(skb, data, len);
	if (len < ETH_HLEN) {
		ndev->stats.rx_length_errors++;
		dev_kfree_skb_any(skb);
		return -EINVAL;
	}
	skb->protocol = eth_type_trans(skb, ndev);
	netif_rx(skb);
	return 0;
}

int foo_rx_bad(struct net_device *ndev, const u8 *data, unsigned int len)
{
	struct sk_buff *skb;

	skb = netdev_alloc_skb_ip_align(ndev, len);
	if (!skb) {
		ndev->stats.rx_dropped++;
		return -ENOMEM;
	}
	skb_put_data(skb, data, len);
	if (len < ETH_HLEN) { /* expect-note: alloc-leak */
		ndev->stats.rx_length_errors++;
		return -EINVAL; /* expect: alloc-leak */
	}
	skb->protocol = eth_type_trans(skb, ndev);
	netif_rx(skb);
	return 0;
}

MODULE_LICENSE("GPL");
