// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (igb igb_clean_tx_ring(), igc, ixgbe x2, ixgbevf): a pointer
 * walks the ring (tx_buffer++) and, when the index reaches the ring's
 * size, starts again at its base: `if (unlikely(i == tx_ring->count)) {
 * i = 0; tx_buffer = tx_ring->tx_buffer_info; }`.  The engine took the
 * base's first element freed on one lap for the one the next lap frees:
 * a call visits each element once, so what an earlier lap freed is
 * another round's (the ring's count is at least the number of rounds).
 * The bad twin frees one element twice in one round.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>

struct foo_buf {
	struct sk_buff *skb;
	u32 *next_to_watch;
	u32 len;
};

struct foo_ring {
	struct foo_buf *info;
	u16 count;
	u16 next_to_clean;
	u16 next_to_use;
	u32 *desc;
};

void foo_clean_tx_ring_good(struct foo_ring *tx_ring)
{
	u16 i = tx_ring->next_to_clean;
	struct foo_buf *tx_buffer = &tx_ring->info[i];

	while (i != tx_ring->next_to_use) {
		u32 *eop_desc, *tx_desc;

		dev_kfree_skb_any(tx_buffer->skb);
		eop_desc = tx_buffer->next_to_watch;
		tx_desc = &tx_ring->desc[i];
		while (tx_desc != eop_desc) {
			tx_buffer++;
			tx_desc++;
			i++;
			if (unlikely(i == tx_ring->count)) {
				i = 0;
				tx_buffer = tx_ring->info;
				tx_desc = &tx_ring->desc[0];
			}
			tx_buffer->len = 0;
		}
		tx_buffer->next_to_watch = NULL;
		tx_buffer++;
		i++;
		if (unlikely(i == tx_ring->count)) {
			i = 0;
			tx_buffer = tx_ring->info;
		}
	}
	tx_ring->next_to_use = 0;
	tx_ring->next_to_clean = 0;
}

void foo_clean_tx_ring_bad(struct foo_ring *tx_ring)
{
	u16 i = tx_ring->next_to_clean;
	struct foo_buf *tx_buffer = &tx_ring->info[i];

	while (i != tx_ring->next_to_use) {
		dev_kfree_skb_any(tx_buffer->skb);
		if (tx_buffer->len > 64)
			dev_kfree_skb_any(tx_buffer->skb); /* expect: double-free */
		tx_buffer++;
		i++;
		if (unlikely(i == tx_ring->count)) {
			i = 0;
			tx_buffer = tx_ring->info;
		}
	}
	tx_ring->next_to_clean = i;
}

MODULE_LICENSE("GPL");
