// SPDX-License-Identifier: GPL-2.0
/*
 * double-free false positives seen on real code (drivers/usb/core hcd.c,
 * urb.c): urbs are reference counted.  usb_get_urb() takes a reference
 * and returns its argument, usb_free_urb() (usb_put_urb()) drops one and
 * frees the urb only with the last, usb_anchor_urb() takes one for the
 * anchor and usb_unanchor_urb() drops it.  A put balanced by a get on the
 * same path frees nothing:
 *   - foo_flush(), foo_kill_anchored(): a loop that takes each urb of a
 *     list with usb_get_urb(), kills it and puts it;
 *   - foo_unlink_anchored(): foo_get_from_anchor() takes a reference and
 *     drops the anchor's; the caller puts the one it got;
 *   - foo_submit(): the anchor keeps the urb after the submitter's put;
 *     on the error path the urb is unanchored, then freed once;
 *   - foo_resubmit(): a temporary reference taken and put around a kill,
 *     then the caller's own reference dropped once.
 * All silent.  foo_free_twice_bad() puts the urb once more than it got
 * it: reported.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/spinlock.h>

struct foo_ep {
	spinlock_t lock;
	struct list_head urb_list;
};

void foo_flush(struct foo_ep *ep)
{
	struct urb *urb;

	while (!list_empty(&ep->urb_list)) {
		spin_lock_irq(&ep->lock);
		urb = NULL;
		if (!list_empty(&ep->urb_list)) {
			urb = list_entry(ep->urb_list.prev, struct urb,
					 urb_list);
			usb_get_urb(urb);
		}
		spin_unlock_irq(&ep->lock);
		if (urb) {
			usb_kill_urb(urb);
			usb_put_urb(urb);
		}
	}
}

void foo_kill_anchored(struct usb_anchor *anchor)
{
	struct urb *victim;

	spin_lock_irq(&anchor->lock);
	while (!list_empty(&anchor->urb_list)) {
		victim = list_entry(anchor->urb_list.prev, struct urb,
				    anchor_list);
		usb_get_urb(victim);
		spin_unlock_irq(&anchor->lock);
		usb_kill_urb(victim);
		usb_put_urb(victim);
		spin_lock_irq(&anchor->lock);
	}
	spin_unlock_irq(&anchor->lock);
}

/* drops the anchor's reference (anchor->lock held) */
static void foo_unanchor(struct urb *urb)
{
	urb->anchor = NULL;
	list_del(&urb->anchor_list);
	usb_put_urb(urb);
}

static struct urb *foo_get_from_anchor(struct usb_anchor *anchor)
{
	struct urb *victim;
	unsigned long flags;

	spin_lock_irqsave(&anchor->lock, flags);
	if (!list_empty(&anchor->urb_list)) {
		victim = list_entry(anchor->urb_list.next, struct urb,
				    anchor_list);
		usb_get_urb(victim);
		foo_unanchor(victim);
	} else {
		victim = NULL;
	}
	spin_unlock_irqrestore(&anchor->lock, flags);
	return victim;
}

void foo_unlink_anchored(struct usb_anchor *anchor)
{
	struct urb *victim;

	while ((victim = foo_get_from_anchor(anchor)) != NULL) {
		usb_unlink_urb(victim);
		usb_put_urb(victim);
	}
}

int foo_submit(struct usb_device *udev, struct usb_anchor *anchor,
	       void *buf, int len, usb_complete_t done)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	int ret;

	if (!urb)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 1), buf, len,
			  done, NULL);
	usb_anchor_urb(urb, anchor);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret) {
		usb_unanchor_urb(urb);
		usb_free_urb(urb);
		return ret;
	}
	usb_free_urb(urb);
	return 0;
}

int foo_resubmit(struct urb *urb)
{
	int ret;

	usb_get_urb(urb);
	usb_kill_urb(urb);
	usb_put_urb(urb);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	usb_free_urb(urb);
	return ret;
}

void foo_free_twice_bad(struct urb *urb)
{
	usb_get_urb(urb);
	usb_kill_urb(urb);
	usb_put_urb(urb);
	usb_free_urb(urb);
	usb_free_urb(urb); /* expect: double-free */
}

MODULE_LICENSE("GPL");
