// SPDX-License-Identifier: GPL-2.0
/*
 * A send function that consumes the skb only on success: foo_hw_send()
 * queues it and returns 0, or returns -EBUSY and leaves it to the
 * caller. Its summary says "gives up $1 when $ret == 0", and the caller
 * must free the skb where the send failed. foo_send_bad() returns the
 * error without freeing it; foo_send_good() frees it. foo_rx_good()
 * hands its skb to the stack, which always consumes it.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>

struct foo_dev {
	struct net_device *ndev;
	struct sk_buff_head txq;
	bool tx_full;
};

static int foo_hw_send(struct foo_dev *fd, struct sk_buff *skb)
{
	if (fd->tx_full)
		return -EBUSY;
	skb_queue_tail(&fd->txq, skb);
	return 0;
}

int foo_send_bad(struct foo_dev *fd, const void *data, unsigned int len)
{
	struct sk_buff *skb;
	int ret;

	skb = alloc_skb(len, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_put_data(skb, data, len);
	ret = foo_hw_send(fd, skb);
	if (ret) /* expect-note: alloc-leak */
		return ret; /* expect: alloc-leak */
	return 0;
}

int foo_send_good(struct foo_dev *fd, const void *data, unsigned int len)
{
	struct sk_buff *skb;
	int ret;

	skb = alloc_skb(len, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_put_data(skb, data, len);
	ret = foo_hw_send(fd, skb);
	if (ret)
		kfree_skb(skb);
	return ret;
}

int foo_rx_bad(struct foo_dev *fd, const void *data, unsigned int len)
{
	struct sk_buff *skb;

	skb = netdev_alloc_skb(fd->ndev, len);
	if (!skb)
		return -ENOMEM;
	if (len < ETH_HLEN)
		return -EINVAL; /* expect: alloc-leak */
	skb_put_data(skb, data, len);
	skb->protocol = eth_type_trans(skb, fd->ndev);
	return netif_rx(skb);
}

int foo_rx_good(struct foo_dev *fd, const void *data, unsigned int len)
{
	struct sk_buff *skb;

	skb = netdev_alloc_skb(fd->ndev, len);
	if (!skb)
		return -ENOMEM;
	if (len < ETH_HLEN) {
		dev_kfree_skb_any(skb);
		return -EINVAL;
	}
	skb_put_data(skb, data, len);
	skb->protocol = eth_type_trans(skb, fd->ndev);
	return netif_rx(skb);
}

MODULE_LICENSE("GPL");
