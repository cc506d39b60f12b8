// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (mcp251xfd-core.c mcp251xfd_handle_ivmif(), with the CAN
 * core's alloc_can_err_skb()): the allocator hands back the skb and,
 * through an out-parameter, a pointer into it, and sets the out-parameter
 * to NULL where it fails.  The caller tests only the out-parameter: `if
 * (!cf) return 0;` leaves with no skb, since cf is NULL exactly when the
 * skb is.  (&cf passed as $1: the callee's "*$1" is cf itself.)  The bad
 * twins leak the skb on an error return after that test, and hand the
 * skb on with no test at all.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>

struct foo_frame {
	u32 id;
	u8 data[8];
};

static struct sk_buff *foo_alloc_skb(struct net_device *dev,
				     struct foo_frame **cf)
{
	struct sk_buff *skb;

	skb = netdev_alloc_skb(dev, sizeof(struct foo_frame));
	if (unlikely(!skb)) {
		*cf = NULL;
		return NULL;
	}
	*cf = skb_put_zero(skb, sizeof(struct foo_frame));
	return skb;
}

static struct sk_buff *foo_alloc_err_skb(struct net_device *dev,
					 struct foo_frame **cf)
{
	struct sk_buff *skb;

	skb = foo_alloc_skb(dev, cf);
	if (unlikely(!skb))
		return NULL;
	(*cf)->id = 1;
	return skb;
}

int foo_handle_good(struct net_device *dev, u32 bits)
{
	struct sk_buff *skb;
	struct foo_frame *cf = NULL;

	skb = foo_alloc_err_skb(dev, &cf);
	if (cf)
		cf->id |= 4;
	if (bits & 1) {
		dev->stats.rx_errors++;
		if (cf)
			cf->data[2] = 1;
	}
	if (!cf)
		return 0;
	netif_rx(skb);
	return 0;
}

int foo_handle_bad(struct net_device *dev, u32 bits)
{
	struct sk_buff *skb;
	struct foo_frame *cf = NULL;

	skb = foo_alloc_err_skb(dev, &cf);
	if (!cf)
		return 0;
	if (bits & 2) { /* expect-note: alloc-leak */
		dev->stats.rx_dropped++;
		return -EIO; /* expect: alloc-leak */
	}
	cf->data[0] = bits;
	netif_rx(skb);
	return 0;
}

int foo_handle_unchecked(struct net_device *dev, u32 bits)
{
	struct sk_buff *skb;
	struct foo_frame *cf;

	skb = foo_alloc_err_skb(dev, &cf);
	cf->data[0] = bits;
	netif_rx(skb); /* expect: unchecked-alloc */
	return 0;
}

MODULE_LICENSE("GPL");
