// SPDX-License-Identifier: GPL-2.0
/*
 * double-free through GNU `a ?: b`: b runs only when a returned 0.
 * foo_forward() frees the skb and returns non-zero when the frame is
 * too short, and returns 0 with the skb untouched otherwise (as
 * __dev_forward_skb() does).  foo_rx_good() hands the skb to
 * netif_rx() only after a 0, as veth and macvlan do with
 * `__dev_forward_skb(dev, skb) ?: netif_rx(skb)` (silent: a ?: b
 * evaluates a once and b only when a is 0).  foo_rx_bad() frees it
 * whatever foo_forward() returned, with the same ?: around it.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

static int foo_forward(struct sk_buff *skb)
{
	if (skb->len < ETH_HLEN) {
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	skb->pkt_type = PACKET_HOST;
	return 0;
}

int foo_rx_good(struct sk_buff *skb)
{
	return foo_forward(skb) ?: netif_rx(skb);
}

int foo_rx_bad(struct sk_buff *skb)
{
	int ret = foo_forward(skb) ?: skb->len;

	kfree_skb(skb); /* expect: double-free */
	return ret;
}

MODULE_LICENSE("GPL");
