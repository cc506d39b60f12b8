// SPDX-License-Identifier: GPL-2.0
/*
 * A reference put that a get of the same path balances frees nothing
 * (seen on drivers/usb/core): foo_cancel_good() takes a temporary
 * reference on the urb around usb_kill_urb(), puts it, and still reads
 * the urb, whose reference the caller holds.  foo_cancel_bad() then drops
 * the caller's reference too (usb_free_urb() frees the urb with its last
 * reference) and reads the freed urb.
 */
#include <linux/module.h>
#include <linux/usb.h>

int foo_cancel_good(struct urb *urb)
{
	usb_get_urb(urb);
	usb_kill_urb(urb);
	usb_put_urb(urb);
	return urb->status;
}

int foo_cancel_bad(struct urb *urb)
{
	usb_get_urb(urb);
	usb_kill_urb(urb);
	usb_put_urb(urb);
	usb_free_urb(urb);
	return urb->status; /* expect: use-after-free */
}

MODULE_LICENSE("GPL");
