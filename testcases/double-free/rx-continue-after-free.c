// SPDX-License-Identifier: GPL-2.0
/*
 * double-free in an rx loop (ice_clean_rx_irq(), drivers/net/ethernet/
 * intel scan): the skb being built is kept across descriptors, in a
 * local that starts from the ring's saved skb.  On a descriptor error
 * the loop frees it and goes on to the next descriptor without clearing
 * the local, so the next error frees it again, and the next good
 * descriptor hands the freed skb up the stack.  bar_clean_rx_good()
 * clears the local after the free.
 *
 * The skb the second free sees is either the ring's saved one or one the
 * loop allocated: two paths, one bug, one finding at the free.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct foo_ring {
	struct net_device *netdev;
	struct sk_buff *skb;
	u32 *status;
	unsigned int next;
};

static bool foo_desc_error(struct foo_ring *r)
{
	return r->status[r->next++ & 63] & 1;
}

void foo_clean_rx_bad(struct foo_ring *r, int budget)
{
	struct sk_buff *skb = r->skb;

	while (budget-- > 0) {
		if (!skb)
			skb = netdev_alloc_skb(r->netdev, 256);
		if (!skb)
			break;
		if (foo_desc_error(r)) {
			dev_kfree_skb_any(skb); /* expect: double-free */
			continue;
		}
		netif_receive_skb(skb); /* expect: use-after-free */
		skb = NULL;
	}
	r->skb = skb;
}

/* a ring of its own: foo_clean_rx_bad() leaves a freed skb in foo_ring */
struct bar_ring {
	struct net_device *netdev;
	struct sk_buff *skb;
	u32 *status;
	unsigned int next;
};

static bool bar_desc_error(struct bar_ring *r)
{
	return r->status[r->next++ & 63] & 1;
}

void bar_clean_rx_good(struct bar_ring *r, int budget)
{
	struct sk_buff *skb = r->skb;

	while (budget-- > 0) {
		if (!skb)
			skb = netdev_alloc_skb(r->netdev, 256);
		if (!skb)
			break;
		if (bar_desc_error(r)) {
			dev_kfree_skb_any(skb);
			skb = NULL;
			continue;
		}
		netif_receive_skb(skb);
		skb = NULL;
	}
	r->skb = skb;
}

MODULE_LICENSE("GPL");
