// SPDX-License-Identifier: GPL-2.0
/*
 * A completion handler stored into urb->complete by hand (not through
 * usb_fill_*_urb()) runs in interrupt context too: resubmitting with
 * GFP_KERNEL there is a bug.  Twin: resubmitting with GFP_ATOMIC.
 */
#include <linux/module.h>
#include <linux/usb.h>

struct foo_usb {
	struct usb_device *udev;
	struct urb *rx_urb;
	struct urb *tx_urb;
	u8 *rx_buf;
	u8 *tx_buf;
};

static void foo_rx_complete(struct urb *urb)
{
	if (urb->status)
		return;
	usb_submit_urb(urb, GFP_KERNEL); /* expect: sleep-in-atomic */
}

static void foo_tx_complete(struct urb *urb)
{
	if (urb->status)
		return;
	usb_submit_urb(urb, GFP_ATOMIC);
}

int foo_start(struct foo_usb *fu)
{
	fu->rx_urb->dev = fu->udev;
	fu->rx_urb->pipe = usb_rcvbulkpipe(fu->udev, 1);
	fu->rx_urb->transfer_buffer = fu->rx_buf;
	fu->rx_urb->transfer_buffer_length = 512;
	fu->rx_urb->complete = foo_rx_complete;
	fu->rx_urb->context = fu;

	fu->tx_urb->dev = fu->udev;
	fu->tx_urb->pipe = usb_sndbulkpipe(fu->udev, 2);
	fu->tx_urb->transfer_buffer = fu->tx_buf;
	fu->tx_urb->transfer_buffer_length = 512;
	fu->tx_urb->complete = foo_tx_complete;
	fu->tx_urb->context = fu;
	return usb_submit_urb(fu->rx_urb, GFP_KERNEL);
}
MODULE_LICENSE("GPL");
