// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free of a USB urb: a synchronous control read drops its urb
 * with usb_free_urb() and then returns urb->actual_length from the freed
 * urb. foo_read_good() reads the length first.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/completion.h>

struct foo_usb {
	struct usb_device *udev;
	struct completion done;
};

static void foo_ctrl_complete(struct urb *urb)
{
	struct foo_usb *fu = urb->context;

	complete(&fu->done);
}

int foo_read_bad(struct foo_usb *fu, struct usb_ctrlrequest *cr, void *buf,
		 int len)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	int ret;

	if (!urb)
		return -ENOMEM;
	usb_fill_control_urb(urb, fu->udev, usb_rcvctrlpipe(fu->udev, 0),
			     (unsigned char *)cr, buf, len, foo_ctrl_complete, fu);
	reinit_completion(&fu->done);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (!ret)
		wait_for_completion(&fu->done);
	usb_free_urb(urb);
	return ret ? ret : urb->actual_length; /* expect: use-after-free */
}

int foo_read_good(struct foo_usb *fu, struct usb_ctrlrequest *cr, void *buf,
		  int len)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	int ret;

	if (!urb)
		return -ENOMEM;
	usb_fill_control_urb(urb, fu->udev, usb_rcvctrlpipe(fu->udev, 0),
			     (unsigned char *)cr, buf, len, foo_ctrl_complete, fu);
	reinit_completion(&fu->done);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (!ret) {
		wait_for_completion(&fu->done);
		ret = urb->actual_length;
	}
	usb_free_urb(urb);
	return ret;
}

MODULE_LICENSE("GPL");
