// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc across functions, through an array filled in a loop
 * from a local wrapper (usb_wwan_port_probe() and keyspan_port_probe() in
 * drivers/usb/serial): foo_setup_urb() returns usb_alloc_urb() or NULL,
 * the bad probe stores each result in p->urbs[i] and moves on to the next
 * element without a check, and returns success; foo_write() dereferences
 * the stored urb.  The wrapper's summary splits its result into a NULL
 * path and a non-NULL one: the NULL path is the unchecked one.  The good
 * probe checks each urb and unwinds.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>

#define FOO_NR_URBS	4

struct foo_port {
	struct usb_anchor delayed;
	struct urb *urbs[FOO_NR_URBS];
	u8 *bufs[FOO_NR_URBS];
};

struct foo_dev {
	struct foo_port *port;
};

static struct urb *foo_setup_urb(u8 *buf)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);

	if (!urb)
		return NULL;
	urb->transfer_buffer = buf;
	return urb;
}

int foo_write(struct foo_dev *d, int i)
{
	return d->port->urbs[i]->status;
}

int foo_probe(struct foo_dev *d)
{
	struct foo_port *p;
	struct urb *urb;
	u8 *buf;
	int i;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	init_usb_anchor(&p->delayed);
	for (i = 0; i < FOO_NR_URBS; i++) {
		buf = kmalloc(64, GFP_KERNEL);
		if (!buf)
			goto err;
		p->bufs[i] = buf;
		urb = foo_setup_urb(buf);
		p->urbs[i] = urb; /* expect: unchecked-alloc */
	}
	d->port = p;
	return 0;
err:
	for (i = 0; i < FOO_NR_URBS; i++) {
		usb_free_urb(p->urbs[i]);
		kfree(p->bufs[i]);
	}
	kfree(p);
	return -ENOMEM;
}

struct foo_good_port {
	struct urb *urbs[FOO_NR_URBS];
	u8 *bufs[FOO_NR_URBS];
};

struct foo_good_dev {
	struct foo_good_port *port;
};

int foo_good_write(struct foo_good_dev *d, int i)
{
	return d->port->urbs[i]->status;
}

int foo_good_probe(struct foo_good_dev *d)
{
	struct foo_good_port *p;
	struct urb *urb;
	u8 *buf;
	int i;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	for (i = 0; i < FOO_NR_URBS; i++) {
		buf = kmalloc(64, GFP_KERNEL);
		if (!buf)
			goto err;
		p->bufs[i] = buf;
		urb = foo_setup_urb(buf);
		if (!urb)
			goto err;
		p->urbs[i] = urb;
	}
	d->port = p;
	return 0;
err:
	for (i = 0; i < FOO_NR_URBS; i++) {
		usb_free_urb(p->urbs[i]);
		kfree(p->bufs[i]);
	}
	kfree(p);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
