// SPDX-License-Identifier: GPL-2.0
/*
 * A reference taken with skb_get() on an skb a helper returned
 * (drivers/net/can/dev/skb.c can_get_echo_skb(): the echo skb taken out
 * of the driver's array, looped back with netif_rx(), then released with
 * the reference it took): the engine knew nothing of the skb before the
 * get, and the get is tracked from there, so netif_rx() drops that
 * reference and the consume that follows frees the skb once.
 * foo_echo_bad() takes no reference: netif_rx() consumed the skb, and
 * the consume frees it again.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct foo_priv {
	struct sk_buff **echo_skb;
	unsigned int echo_max;
};

static struct sk_buff *foo_take_echo(struct foo_priv *priv, unsigned int idx)
{
	struct sk_buff *skb;

	if (idx >= priv->echo_max)
		return NULL;
	skb = priv->echo_skb[idx];
	if (!skb)
		return NULL;
	priv->echo_skb[idx] = NULL;
	if (skb->pkt_type != PACKET_LOOPBACK) {
		dev_consume_skb_any(skb);
		return NULL;
	}
	skb->pkt_type = PACKET_BROADCAST;
	return skb;
}

unsigned int foo_echo(struct foo_priv *priv, unsigned int idx)
{
	struct sk_buff *skb = foo_take_echo(priv, idx);

	if (!skb)
		return 0;
	skb_get(skb);
	if (netif_rx(skb) == NET_RX_SUCCESS)
		dev_consume_skb_any(skb);
	else
		dev_kfree_skb_any(skb);
	return 1;
}

unsigned int foo_echo_bad(struct foo_priv *priv, unsigned int idx)
{
	struct sk_buff *skb = foo_take_echo(priv, idx);

	if (!skb)
		return 0;
	if (netif_rx(skb) == NET_RX_SUCCESS)
		dev_consume_skb_any(skb); /* expect: double-free */
	return 1;
}

MODULE_LICENSE("GPL");
