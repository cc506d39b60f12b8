// SPDX-License-Identifier: GPL-2.0
/*
 * usb_submit_urb() takes the urb only where it returns 0 (owner line
 * `when=success`): where the submission fails, the caller still owns the
 * urb and must usb_free_urb() it. The buffer belongs to the urb once
 * usb_fill_bulk_urb() put it there. foo_start_bad() returns the error
 * and loses the urb; foo_start_good() frees it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>

struct foo_dev {
	struct usb_device *udev;
	unsigned int pipe;
};

static void foo_complete(struct urb *urb)
{
	kfree(urb->transfer_buffer);
	usb_free_urb(urb);
}

int foo_start_bad(struct foo_dev *fd, size_t len)
{
	struct urb *urb;
	void *buf;
	int ret;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	buf = kmalloc(len, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, fd->udev, fd->pipe, buf, len, foo_complete, fd);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret) { /* expect-note: alloc-leak */
		kfree(buf);
		return ret; /* expect: alloc-leak */
	}
	return 0;
}

int foo_start_good(struct foo_dev *fd, size_t len)
{
	struct urb *urb;
	void *buf;
	int ret;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	buf = kmalloc(len, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, fd->udev, fd->pipe, buf, len, foo_complete, fd);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret) {
		kfree(buf);
		usb_free_urb(urb);
	}
	return ret;
}

MODULE_LICENSE("GPL");
