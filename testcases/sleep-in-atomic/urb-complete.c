// SPDX-License-Identifier: GPL-2.0
/*
 * URB completion handlers run in interrupt context: resubmitting with
 * GFP_KERNEL (or allocating with it) there is a bug; GFP_ATOMIC is
 * correct.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>

struct foo_dev {
	struct usb_device *udev;
	struct urb *int_urb, *bulk_urb;
	u8 *int_buf, *bulk_buf;
	void *last;
};

static void foo_int_complete(struct urb *urb)
{
	struct foo_dev *fd = urb->context;
	void *ev = kmemdup(fd->int_buf, 8, GFP_KERNEL); /* expect: sleep-in-atomic */

	kfree(fd->last);
	fd->last = ev;
	usb_submit_urb(urb, GFP_KERNEL); /* expect: sleep-in-atomic */
}

static void foo_bulk_complete(struct urb *urb)
{
	struct foo_dev *fd = urb->context;
	void *ev = kmemdup(fd->bulk_buf, 8, GFP_ATOMIC);

	kfree(fd->last);
	fd->last = ev;
	usb_submit_urb(urb, GFP_ATOMIC);
}

int foo_start(struct foo_dev *fd)
{
	usb_fill_int_urb(fd->int_urb, fd->udev, usb_rcvintpipe(fd->udev, 1),
			 fd->int_buf, 8, foo_int_complete, fd, 4);
	usb_fill_bulk_urb(fd->bulk_urb, fd->udev, usb_rcvbulkpipe(fd->udev, 2),
			  fd->bulk_buf, 64, foo_bulk_complete, fd);
	return usb_submit_urb(fd->int_urb, GFP_KERNEL);
}
MODULE_LICENSE("GPL");
