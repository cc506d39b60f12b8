// SPDX-License-Identifier: GPL-2.0
/*
 * An skb handed to the network stack is consumed, whatever the call
 * returns: netif_rx() may drop and free it at once, napi_gro_receive()
 * frees it when GRO merges it, dev_queue_xmit() when the queue refuses
 * it, and another CPU may free it right after.  Reading skb->len for the
 * statistics after the handover is the kernel's commonest skb
 * use-after-free fix ("can: ...: fix use after free of skb after
 * netif_rx()").  The good twins read the length first; foo_rx_held()
 * took its own reference with skb_get(), so the skb is still its own
 * until its kfree_skb().
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/etherdevice.h>

void foo_rx_bad(struct net_device *dev, const void *data, int len)
{
	struct sk_buff *skb = netdev_alloc_skb(dev, len);

	if (!skb)
		return;
	skb_put_data(skb, data, len);
	skb->protocol = eth_type_trans(skb, dev);
	netif_rx(skb);
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += skb->len; /* expect: use-after-free */
}

void foo_rx_good(struct net_device *dev, const void *data, int len)
{
	struct sk_buff *skb = netdev_alloc_skb(dev, len);

	if (!skb)
		return;
	skb_put_data(skb, data, len);
	skb->protocol = eth_type_trans(skb, dev);
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += skb->len;
	netif_rx(skb);
}

int foo_poll_bad(struct napi_struct *napi, struct net_device *dev, int len)
{
	struct sk_buff *skb = napi_alloc_skb(napi, len);

	if (!skb)
		return 0;
	skb_put(skb, len);
	napi_gro_receive(napi, skb);
	dev->stats.rx_bytes += skb->len; /* expect: use-after-free */
	return 1;
}

int foo_poll_good(struct napi_struct *napi, struct net_device *dev, int len)
{
	struct sk_buff *skb = napi_alloc_skb(napi, len);
	unsigned int n;

	if (!skb)
		return 0;
	skb_put(skb, len);
	n = skb->len;
	napi_gro_receive(napi, skb);
	dev->stats.rx_bytes += n;
	return 1;
}

int foo_send_bad(struct net_device *dev, int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);
	int ret;

	if (!skb)
		return -ENOMEM;
	skb_put(skb, len);
	skb->dev = dev;
	ret = dev_queue_xmit(skb);
	if (ret)
		kfree_skb(skb); /* expect: double-free */
	return ret;
}

void foo_rx_held(struct net_device *dev, int len)
{
	struct sk_buff *skb = netdev_alloc_skb(dev, len);

	if (!skb)
		return;
	skb_put(skb, len);
	skb_get(skb);
	netif_rx(skb);
	dev->stats.rx_bytes += skb->len;
	kfree_skb(skb);
}

MODULE_LICENSE("GPL");
