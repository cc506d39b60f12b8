// SPDX-License-Identifier: GPL-2.0
/*
 * An allocation stored into another allocation of the function is held
 * by it: it is given up when its holder is (stored into memory that
 * outlives the function, handed to a sink), and lost when its holder is
 * freed with it inside. foo_open_good() fills a pool of urbs the way
 * mos7720_open() of drivers/usb/serial/mos7720.c does: each urb is
 * stored in the port's pool first, then gets its transfer buffer, in a
 * loop that allocates them one after the other. foo_open_bad() frees the
 * urb on an error path while it still holds the only pointer to its
 * buffer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>

#define FOO_NUM_URBS 4

struct foo_port {
	struct urb *pool[FOO_NUM_URBS];
	bool ready;
};

int foo_open_good(struct foo_port *fp)
{
	struct urb *urb;
	int allocated = 0;
	int j;

	for (j = 0; j < FOO_NUM_URBS; ++j) {
		urb = usb_alloc_urb(0, GFP_KERNEL);
		fp->pool[j] = urb;
		if (!urb)
			continue;
		urb->transfer_buffer = kmalloc(64, GFP_KERNEL);
		if (!urb->transfer_buffer) {
			usb_free_urb(fp->pool[j]);
			fp->pool[j] = NULL;
			continue;
		}
		allocated++;
	}
	if (!allocated)
		return -ENOMEM;
	return 0;
}

int foo_open_bad(struct foo_port *fp)
{
	struct urb *urb;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	urb->transfer_buffer = kmalloc(64, GFP_KERNEL);
	if (!urb->transfer_buffer) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	if (!fp->ready) { /* expect-note: alloc-leak */
		usb_free_urb(urb); /* expect: alloc-leak */
		return -EAGAIN;
	}
	fp->pool[0] = urb;
	return 0;
}

MODULE_LICENSE("GPL");
