// SPDX-License-Identifier: GPL-2.0
/*
 * A pointer kept as an integer: a descriptor ring's host-context word
 * ((unsigned long)skb, as in drivers/net/ethernet/neterion/s2io.c
 * fill_rx_buffers()) or a u64 cookie.  The store of the cast pointer in
 * memory that outlives the function is a store of the object: the
 * completion path casts it back and frees it.  foo_refill_bad() returns
 * before filling the descriptor and loses the skb.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct foo_rxd {
	u64 host_ctx;
	u32 ctrl;
};

struct foo_ring {
	struct net_device *dev;
	struct foo_rxd *rxd;
	unsigned int mode;
	unsigned int size;
};

int foo_refill_bad(struct foo_ring *ring, unsigned int i)
{
	struct foo_rxd *rxd = &ring->rxd[i];
	struct sk_buff *skb;

	skb = netdev_alloc_skb(ring->dev, ring->size);
	if (!skb)
		return -ENOMEM;
	if (rxd->ctrl & 1)
		return -EBUSY; /* expect: alloc-leak */
	rxd->ctrl = 1;
	rxd->host_ctx = (unsigned long)skb;
	return 0;
}

int foo_refill_good(struct foo_ring *ring, unsigned int i)
{
	struct foo_rxd *rxd = &ring->rxd[i];
	struct sk_buff *skb;

	skb = netdev_alloc_skb(ring->dev, ring->size);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, NET_IP_ALIGN);
	if (ring->mode == 1) {
		rxd->ctrl = 1;
		rxd->host_ctx = (unsigned long)skb;
	} else {
		rxd->ctrl = 2;
		rxd->host_ctx = (u64)(unsigned long)skb;
	}
	return 0;
}

int foo_refill_cookie_good(struct foo_ring *ring, u64 *cookie)
{
	struct sk_buff *skb;
	u64 tmp;

	skb = netdev_alloc_skb(ring->dev, ring->size);
	if (!skb)
		return -ENOMEM;
	tmp = (u64)(unsigned long)skb;
	*cookie = tmp;
	return 0;
}

MODULE_LICENSE("GPL");
