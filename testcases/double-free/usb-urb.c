// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of a USB urb: when usb_submit_urb() fails, foo_send_bad()
 * drops its urb reference with usb_free_urb() and then drops it again on
 * the common path (the urb is gone after the first call). In
 * foo_send_good() the single usb_free_urb() drops the submitter's
 * reference; the USB core holds its own while the urb is in flight.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>

struct foo_usb {
	struct usb_device *udev;
};

static void foo_tx_complete(struct urb *urb)
{
	kfree(urb->transfer_buffer);
}

int foo_send_bad(struct foo_usb *fu, const void *data, int len)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	u8 *buf;
	int ret;

	if (!urb)
		return -ENOMEM;
	buf = kmemdup(data, len, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, fu->udev, usb_sndbulkpipe(fu->udev, 2), buf, len,
			  foo_tx_complete, fu);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret) {
		kfree(buf);
		usb_free_urb(urb);
	}
	usb_free_urb(urb); /* expect: double-free */
	return ret;
}

int foo_send_good(struct foo_usb *fu, const void *data, int len)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	u8 *buf;
	int ret;

	if (!urb)
		return -ENOMEM;
	buf = kmemdup(data, len, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, fu->udev, usb_sndbulkpipe(fu->udev, 2), buf, len,
			  foo_tx_complete, fu);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret)
		kfree(buf);
	usb_free_urb(urb);
	return ret;
}

MODULE_LICENSE("GPL");
