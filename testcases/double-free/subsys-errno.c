// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (btmrvl_sdio.c btmrvl_sdio_card_to_host(), drivers/bluetooth
 * scan): the rx path reads a packet with sdio_readsb(), jumps to the
 * common exit where it fails (ret < 0), and hands the skb on, or frees
 * it, where it succeeds.  The exit frees the skb only `if (ret)`.
 * sdio_readsb() returns 0 or a -errno: past its `< 0` test ret is 0, and
 * the exit frees nothing the path already freed.  What the mmc core's
 * function returns comes from rules/subsys-6.1.summaries; without it ret
 * could be positive and the exit's kfree_skb() a second free.
 *
 * Twin: bar_card_to_host() sets ret to a positive count before the exit.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/mmc/sdio_func.h>

struct foo_card {
	struct sdio_func *func;
	unsigned int ioport;
	bool (*check)(struct sk_buff *skb);
};

static bool foo_check_evt(struct foo_card *card, struct sk_buff *skb)
{
	if (skb->data[0] == 0x0e && card->ioport) {
		kfree_skb(skb);
		return false;
	}
	return true;
}

int foo_card_to_host(struct foo_card *card, unsigned int len)
{
	struct sk_buff *skb;
	int ret;

	skb = alloc_skb(len, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	ret = sdio_readsb(card->func, skb->data, card->ioport, len);
	if (ret < 0) {
		ret = -EIO;
		goto exit;
	}
	skb_put(skb, len);
	if (foo_check_evt(card, skb))
		netif_rx(skb);
exit:
	if (ret)
		kfree_skb(skb);
	return ret;
}

int bar_card_to_host(struct foo_card *card, unsigned int len)
{
	struct sk_buff *skb;
	int ret;

	skb = alloc_skb(len, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	ret = sdio_readsb(card->func, skb->data, card->ioport, len);
	if (ret < 0)
		goto exit;
	skb_put(skb, len);
	ret = len;
	if (foo_check_evt(card, skb))
		netif_rx(skb);
exit:
	if (ret)
		kfree_skb(skb); /* expect: double-free */
	return ret;
}

MODULE_LICENSE("GPL");
