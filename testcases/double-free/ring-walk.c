// SPDX-License-Identifier: GPL-2.0
/*
 * double-free in a ring walk: each round takes the skb of slot `entry`,
 * and the index moves on, so the next round reads another slot.
 * foo_tx_good() clears the slot and frees the skb after advancing the
 * index past its fragments (sungem gem_tx(), tg3_tx(), igb and ixgbe
 * clean_tx_ring() do this; silent: the skb freed is the element read
 * before the index moved, not the one the next round reads).
 * foo_tx_bad() drops an oversized frame without clearing its slot or
 * advancing: the next round reads the same skb, uses it and frees it
 * again.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define FOO_RING	128
#define FOO_NEXT(n)	(((n) + 1) & (FOO_RING - 1))

struct foo_ring {
	struct sk_buff *tx_skbs[FOO_RING];
	int tx_old;
	unsigned long tx_bytes;
};

void foo_tx_good(struct foo_ring *gp, u32 status)
{
	int entry = gp->tx_old, limit = status & (FOO_RING - 1);

	while (entry != limit) {
		struct sk_buff *skb = gp->tx_skbs[entry];
		int frag;

		gp->tx_skbs[entry] = NULL;
		gp->tx_bytes += skb->len;
		for (frag = 0; frag <= skb_shinfo(skb)->nr_frags; frag++)
			entry = FOO_NEXT(entry);
		dev_consume_skb_any(skb);
	}
	gp->tx_old = entry;
}

void foo_tx_bad(struct foo_ring *gp, u32 status)
{
	int entry = gp->tx_old, limit = status & (FOO_RING - 1);

	while (entry != limit) {
		struct sk_buff *skb = gp->tx_skbs[entry];

		if (skb->len > 1514) { /* expect: use-after-free */
			dev_kfree_skb_any(skb); /* expect: double-free */
			continue;
		}
		gp->tx_skbs[entry] = NULL;
		entry = FOO_NEXT(entry);
		dev_consume_skb_any(skb); /* expect: double-free */
	}
	gp->tx_old = entry;
}

MODULE_LICENSE("GPL");
