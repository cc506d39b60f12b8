// SPDX-License-Identifier: GPL-2.0
/*
 * Buffers kept in a local array under a running index (pool[n++] = skb)
 * and handed over in a later loop under another index (pool[i]), as
 * ath9k_hif_usb_rx_stream() of drivers/net/wireless/ath/ath9k/hif_usb.c
 * does: kmemlint cannot tell which element the loop reads, so what only
 * the array's elements held is forgotten when the array dies, not lost.
 * foo_rx_good() is silent. foo_rx_bad() loses the skb of a plain local
 * on its error return.
 */
#include <linux/module.h>
#include <linux/skbuff.h>

#define FOO_POOL 8

struct foo_dev {
	struct sk_buff_head rxq;
	unsigned int rx_len;
};

static void foo_deliver(struct foo_dev *fd, struct sk_buff *skb)
{
	skb_queue_tail(&fd->rxq, skb);
}

void foo_rx_good(struct foo_dev *fd, const u8 *data, unsigned int count)
{
	struct sk_buff *pool[FOO_POOL];
	unsigned int n = 0, i;

	while (count-- && n < FOO_POOL) {
		struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

		if (!skb)
			break;
		skb_put_data(skb, data, 64);
		data += 64;
		pool[n++] = skb;
	}
	for (i = 0; i < n; i++)
		foo_deliver(fd, pool[i]);
}

int foo_rx_bad(struct foo_dev *fd, const u8 *data, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_ATOMIC);

	if (!skb)
		return -ENOMEM;
	if (len > fd->rx_len)
		return -EMSGSIZE; /* expect: alloc-leak */
	skb_put_data(skb, data, len);
	foo_deliver(fd, skb);
	return 0;
}

MODULE_LICENSE("GPL");
