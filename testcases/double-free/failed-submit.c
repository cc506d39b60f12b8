// SPDX-License-Identifier: GPL-2.0
/*
 * double-free: a field left freed where the submission failed.  ar5523's
 * ar5523_rx_refill_work() puts a new skb in data->skb, registers
 * ar5523_data_rx_cb() as the urb's completion and submits the urb; when
 * usb_submit_urb() fails it frees the skb and returns without clearing
 * data->skb.  The completion frees data->skb on its error path, but it
 * runs only for a submission that succeeded, and each one comes after a
 * new skb: the freed one is never what it sees.
 * The same when a helper of the file submits and says so by its result
 * (mwifiex's mwifiex_usb_tx_aggr_tmo() frees the skb where
 * mwifiex_usb_construct_send_urb() returns -1, after usb_submit_urb()
 * failed): foo_ctx_flush() leaves ctx->skb freed, but the tx completion
 * and the rx completion, which frees ctx->skb of the contexts it
 * submitted, see only contexts whose urb was submitted.
 * foo_refill_bad() frees the skb after a submission that succeeded (the
 * urb still owns it): its completion hands it to netif_rx(), or frees it
 * on its error path, again: both reported.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/usb.h>

struct foo_rx {
	struct urb *urb;
	struct sk_buff *skb;
	struct usb_device *udev;
};

struct foo_rx2 {
	struct urb *urb;
	struct sk_buff *skb;
	struct usb_device *udev;
	bool stopping;
};

static void foo_rx_cb(struct urb *urb)
{
	struct foo_rx *data = urb->context;

	if (urb->status)
		goto skip;
	netif_rx(data->skb);
	data->skb = NULL;
skip:
	if (data->skb) {
		dev_kfree_skb_irq(data->skb);
		data->skb = NULL;
	}
}

void foo_refill(struct foo_rx *data)
{
	data->skb = alloc_skb(2048, GFP_KERNEL);
	if (!data->skb)
		return;
	usb_fill_bulk_urb(data->urb, data->udev,
			  usb_rcvbulkpipe(data->udev, 1), data->skb->data,
			  2048, foo_rx_cb, data);
	if (usb_submit_urb(data->urb, GFP_KERNEL)) {
		kfree_skb(data->skb);
		return;
	}
}

static void foo_rx_cb2(struct urb *urb)
{
	struct foo_rx2 *data = urb->context;

	if (urb->status)
		goto skip;
	netif_rx(data->skb); /* expect: double-free:medium */
	data->skb = NULL;
skip:
	if (data->skb) {
		dev_kfree_skb_irq(data->skb); /* expect: double-free:medium */
		data->skb = NULL;
	}
}

void foo_refill_bad(struct foo_rx2 *data)
{
	data->skb = alloc_skb(2048, GFP_KERNEL);
	if (!data->skb)
		return;
	usb_fill_bulk_urb(data->urb, data->udev,
			  usb_rcvbulkpipe(data->udev, 1), data->skb->data,
			  2048, foo_rx_cb2, data);
	if (usb_submit_urb(data->urb, GFP_KERNEL)) {
		kfree_skb(data->skb);
		return;
	}
	if (data->stopping)
		kfree_skb(data->skb);
}
struct foo_ctx {
	struct urb *urb;
	struct sk_buff *skb;
	struct usb_device *udev;
};

static void foo_ctx_rx_cb(struct urb *urb)
{
	struct foo_ctx *ctx = urb->context;

	if (urb->status) {
		dev_kfree_skb_irq(ctx->skb);
		ctx->skb = NULL;
		return;
	}
	netif_rx(ctx->skb);
	ctx->skb = NULL;
}

void foo_ctx_rx_submit(struct foo_ctx *ctx)
{
	ctx->skb = alloc_skb(2048, GFP_KERNEL);
	if (!ctx->skb)
		return;
	usb_fill_bulk_urb(ctx->urb, ctx->udev, usb_rcvbulkpipe(ctx->udev, 1),
			  ctx->skb->data, 2048, foo_ctx_rx_cb, ctx);
	if (usb_submit_urb(ctx->urb, GFP_KERNEL)) {
		kfree_skb(ctx->skb);
		ctx->skb = NULL;
	}
}

static void foo_ctx_tx_cb(struct urb *urb)
{
	struct foo_ctx *ctx = urb->context;

	dev_kfree_skb_irq(ctx->skb);
	ctx->skb = NULL;
}

static int foo_ctx_send(struct foo_ctx *ctx, struct sk_buff *skb)
{
	ctx->skb = skb;
	usb_fill_bulk_urb(ctx->urb, ctx->udev, usb_sndbulkpipe(ctx->udev, 2),
			  skb->data, skb->len, foo_ctx_tx_cb, ctx);
	if (usb_submit_urb(ctx->urb, GFP_ATOMIC))
		return -1;
	return -EINPROGRESS;
}

void foo_ctx_flush(struct foo_ctx *ctx)
{
	struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

	if (!skb)
		return;
	skb_put_zero(skb, 64);
	if (foo_ctx_send(ctx, skb) == -1)
		dev_kfree_skb_any(skb);
}
MODULE_LICENSE("GPL");
