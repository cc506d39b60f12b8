// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free: usb_free_urb() of an urb inside its own completion
 * handler.  The USB core holds a reference on the urb while ->complete()
 * runs (it puts it after the handler returns), so the handler's
 * usb_free_urb() drops the driver's reference and the urb is still there:
 * reading urb->context after it is fine (peak_usb's
 * pcan_usb_pro_restart_complete()).  The handler is registered both ways
 * the rules know: usb_fill_bulk_urb() (a callback line) and a store into
 * urb->complete (a field line), both with held=0.
 *
 * foo_restart_cleanup() is not a completion: nobody else holds the urb
 * there, so the same code does read freed memory.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>

struct foo_dev {
	struct usb_device *udev;
	int state;
};

static void foo_async_complete(struct urb *urb)
{
	kfree(urb->transfer_buffer);
	usb_free_urb(urb);
}

static void foo_restart_complete(struct urb *urb)
{
	struct foo_dev *dev;

	foo_async_complete(urb);
	dev = urb->context;
	dev->state = 1;
}

static void foo_reset_complete(struct urb *urb)
{
	struct foo_dev *dev;

	usb_free_urb(urb);
	dev = urb->context;
	dev->state = 2;
}

static void foo_restart_cleanup(struct urb *urb)
{
	struct foo_dev *dev;

	foo_async_complete(urb);
	dev = urb->context; /* expect: use-after-free:medium */
	dev->state = 0;
}

static int foo_submit(struct foo_dev *dev, bool fill)
{
	struct urb *urb = usb_alloc_urb(0, GFP_ATOMIC);
	void *buf;
	int err;

	if (!urb)
		return -ENOMEM;
	buf = kmalloc(16, GFP_ATOMIC);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, dev->udev, usb_sndbulkpipe(dev->udev, 1), buf,
			  16, foo_restart_complete, dev);
	if (!fill)
		urb->complete = foo_reset_complete;
	err = usb_submit_urb(urb, GFP_ATOMIC);
	if (err)
		foo_restart_cleanup(urb);
	return err;
}

int foo_restart(struct foo_dev *dev)
{
	return foo_submit(dev, true);
}

int foo_reset(struct foo_dev *dev)
{
	return foo_submit(dev, false);
}

MODULE_LICENSE("GPL");
