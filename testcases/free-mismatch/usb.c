// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch in USB code: usb_alloc_coherent() released with kfree()
 * and a usb_alloc_urb() released with kfree() (the urb is reference
 * counted: usb_free_urb()). foo_good() uses usb_free_coherent() and
 * usb_free_urb().
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>

#define FOO_BUF_LEN	512

struct foo_usb {
	struct usb_device *udev;
	struct urb *urb;
	u8 *buf;
	dma_addr_t buf_dma;
};

int foo_bad(struct foo_usb *fu)
{
	fu->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!fu->urb)
		return -ENOMEM;
	fu->buf = usb_alloc_coherent(fu->udev, FOO_BUF_LEN, GFP_KERNEL,
				     &fu->buf_dma);
	if (!fu->buf) {
		kfree(fu->urb); /* expect: free-mismatch */
		return -ENOMEM;
	}
	if (fu->udev->speed < USB_SPEED_HIGH) {
		kfree(fu->buf); /* expect: free-mismatch */
		usb_free_urb(fu->urb);
		return -ENODEV;
	}
	return 0;
}

int foo_good(struct foo_usb *fu)
{
	fu->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!fu->urb)
		return -ENOMEM;
	fu->buf = usb_alloc_coherent(fu->udev, FOO_BUF_LEN, GFP_KERNEL,
				     &fu->buf_dma);
	if (!fu->buf) {
		usb_free_urb(fu->urb);
		return -ENOMEM;
	}
	if (fu->udev->speed < USB_SPEED_HIGH) {
		usb_free_coherent(fu->udev, FOO_BUF_LEN, fu->buf, fu->buf_dma);
		usb_free_urb(fu->urb);
		return -ENODEV;
	}
	return 0;
}

MODULE_LICENSE("GPL");
