// SPDX-License-Identifier: GPL-2.0
/*
 * A buffer put in a local struct that is handed to a function kmemlint
 * cannot see, here through a small helper, as ath10k_htc_send() of
 * drivers/net/wireless/ath/ath10k/htc.c does (sg_item.transfer_context =
 * skb; ath10k_hif_tx_sg(ar, pipe, &sg_item, 1) calls an ops pointer):
 * the struct's contents are handed over with it, and the caller's skb
 * is no longer its own once the send returned 0. foo_connect_good()
 * frees the skb only where the send failed. foo_connect_bad() returns
 * before the send and leaks it.
 */
#include <linux/module.h>
#include <linux/skbuff.h>

struct foo_sg_item {
	void *transfer_context;
	void *vaddr;
	unsigned int len;
};

struct foo_hif_ops {
	int (*tx_sg)(void *ctx, struct foo_sg_item *items, int n_items);
};

struct foo_dev {
	const struct foo_hif_ops *ops;
	void *ctx;
	bool wedged;
};

static inline int foo_hif_tx_sg(struct foo_dev *fd, struct foo_sg_item *items,
				int n_items)
{
	return fd->ops->tx_sg(fd->ctx, items, n_items);
}

static int foo_send(struct foo_dev *fd, struct sk_buff *skb)
{
	struct foo_sg_item item;

	item.transfer_context = skb;
	item.vaddr = skb->data;
	item.len = skb->len;
	return foo_hif_tx_sg(fd, &item, 1);
}

int foo_connect_good(struct foo_dev *fd)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	int ret;

	if (!skb)
		return -ENOMEM;
	skb_put(skb, 64);
	ret = foo_send(fd, skb);
	if (ret) {
		kfree_skb(skb);
		return ret;
	}
	return 0;
}

int foo_connect_bad(struct foo_dev *fd)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	if (fd->wedged)
		return -ECOMM; /* expect: alloc-leak */
	skb_put(skb, 64);
	return foo_send(fd, skb);
}

MODULE_LICENSE("GPL");
