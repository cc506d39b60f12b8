// SPDX-License-Identifier: GPL-2.0
/*
 * double-free false positive seen on real code (drivers/usb/core/hcd.c,
 * usb_giveback_urb_bh()): a list moved to a list head on the stack with
 * list_replace_init(), then drained, each entry unlinked with
 * list_del_init() before it is given back and put.  The unlink changes
 * local_list.next, a link of the list although it lives in a local
 * struct: the next round reads another entry.  foo_bh_run_good() is
 * silent.  foo_bh_run_bad() forgets the unlink: the head entry is given
 * back (and freed) again on the next round.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/spinlock.h>

struct foo_bh {
	spinlock_t lock;
	struct list_head head;
	struct usb_host_endpoint *completing_ep;
};

static void foo_giveback(struct urb *urb)
{
	urb->hcpriv = NULL;
	urb->complete(urb);
	usb_put_urb(urb);
}

void foo_bh_run_good(struct foo_bh *bh)
{
	struct list_head local_list;

	spin_lock_irq(&bh->lock);
	list_replace_init(&bh->head, &local_list);
	spin_unlock_irq(&bh->lock);

	while (!list_empty(&local_list)) {
		struct urb *urb;

		urb = list_entry(local_list.next, struct urb, urb_list);
		list_del_init(&urb->urb_list);
		bh->completing_ep = urb->ep;
		foo_giveback(urb);
		bh->completing_ep = NULL;
	}
}

void foo_bh_run_bad(struct foo_bh *bh)
{
	struct list_head local_list;

	spin_lock_irq(&bh->lock);
	list_replace_init(&bh->head, &local_list);
	spin_unlock_irq(&bh->lock);

	while (!list_empty(&local_list)) {
		struct urb *urb;

		urb = list_entry(local_list.next, struct urb, urb_list);
		foo_giveback(urb); /* expect: double-free, use-after-free */
	}
}

MODULE_LICENSE("GPL");
