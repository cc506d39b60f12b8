// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free: a test that relates two fields, repeated.  mwifiex's
 * mwifiex_usb_rx_complete() frees the skb only when the urb is not the
 * command endpoint's (card->rx_cmd_ep != context->ep), and later resubmits
 * the same buffer only when it is (card->rx_cmd_ep == context->ep).
 * Nothing between the two tests writes either field, so the second test
 * goes the way the first went: the resubmit never sees the freed skb.
 * foo_rx_complete_bad() tests a different field the second time (the
 * free and the reuse are not exclusive), and foo_rx_complete_moved()
 * writes the endpoint between the tests: both still reported.
 *
 * The same across a call: foo_submit(), like mwifiex_usb_submit_rx_urb(),
 * gives a data endpoint a fresh skb and reads the one it was given only
 * for the command endpoint; its summary says so ("$0->card->rx_cmd_ep==
 * $0->ep"), and foo_rx_next() frees the skb only for a data endpoint.
 * foo_rx_next_bad() frees it for the command endpoint: reported.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct foo_card {
	u8 rx_cmd_ep;
	u8 rx_evt_ep;
};

struct foo_ctx {
	struct foo_card *card;
	struct sk_buff *skb;
	u8 ep;
};

int foo_deliver(struct foo_card *card, struct sk_buff *skb)
{
	return skb->len < card->rx_evt_ep ? -EINVAL : 0;
}

static void foo_resubmit(struct sk_buff *skb, int size)
{
	memset(skb->data, 0, size);
}

void foo_rx_complete(struct foo_ctx *context, int len)
{
	struct foo_card *card = context->card;
	struct sk_buff *skb = context->skb;
	int status;

	status = foo_deliver(card, skb);
	if (status) {
		/* the command endpoint keeps its buffer */
		if (card->rx_cmd_ep != context->ep)
			dev_kfree_skb_any(skb);
	}
	if (card->rx_cmd_ep == context->ep)
		foo_resubmit(skb, len);
}

void foo_rx_complete_bad(struct foo_ctx *context, int len)
{
	struct foo_card *card = context->card;
	struct sk_buff *skb = context->skb;
	int status;

	status = foo_deliver(card, skb);
	if (status) {
		if (card->rx_cmd_ep != context->ep)
			dev_kfree_skb_any(skb);
	}
	if (card->rx_evt_ep == context->ep)
		foo_resubmit(skb, len); /* expect: use-after-free:medium */
}

void foo_rx_complete_moved(struct foo_ctx *context, int len)
{
	struct foo_card *card = context->card;
	struct sk_buff *skb = context->skb;
	int status;

	status = foo_deliver(card, skb);
	if (status) {
		if (card->rx_cmd_ep != context->ep)
			dev_kfree_skb_any(skb);
	}
	context->ep = card->rx_evt_ep;
	if (card->rx_cmd_ep == context->ep)
		foo_resubmit(skb, len); /* expect: use-after-free:medium */
}
static int foo_submit(struct foo_ctx *ctx, int size)
{
	struct foo_card *card = ctx->card;

	if (card->rx_cmd_ep != ctx->ep) {
		ctx->skb = alloc_skb(size, GFP_ATOMIC);
		if (!ctx->skb)
			return -ENOMEM;
	}
	if (card->rx_cmd_ep == ctx->ep)
		memset(ctx->skb->data, 0, size);
	else
		skb_put(ctx->skb, size);
	return 0;
}

void foo_rx_next(struct foo_ctx *context, int len)
{
	struct foo_card *card = context->card;

	if (foo_deliver(card, context->skb)) {
		if (card->rx_cmd_ep != context->ep)
			dev_kfree_skb_any(context->skb);
	}
	foo_submit(context, len);
}

void foo_rx_next_bad(struct foo_ctx *context, int len)
{
	struct foo_card *card = context->card;

	if (foo_deliver(card, context->skb)) {
		if (card->rx_cmd_ep == context->ep)
			dev_kfree_skb_any(context->skb);
	}
	foo_submit(context, len); /* expect: use-after-free:medium */
}
MODULE_LICENSE("GPL");
