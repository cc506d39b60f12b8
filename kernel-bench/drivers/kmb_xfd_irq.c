// SPDX-License-Identifier: GPL-2.0
/*
 * KMB capture engine: the poll timer (registered by kmb_xfd_probe.c), the
 * log work item, and the event helpers kmb_xfd_probe.c calls.
 */

#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>

#include "kmb_xfd.h"

/* Runs in softirq context (timer_setup in kmb_xfd_probe.c). */
void kmb_xfd_poll(struct timer_list *t)
{
	struct kmb_xfd *xd = from_timer(xd, t, poll_timer);
	struct kmb_xfd_event *ev;

	ev = kmalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return;
	ev->code = 3;
	ev->arg = 0;
	spin_lock(&xd->lock);
	swap(ev, xd->last);
	spin_unlock(&xd->lock);
	kfree(ev);
	schedule_work(&xd->log_work);
	mod_timer(&xd->poll_timer, jiffies + HZ);
}

/* Process context (INIT_WORK): GFP_KERNEL is fine. */
void kmb_xfd_log_work(struct work_struct *work)
{
	struct kmb_xfd *xd = container_of(work, struct kmb_xfd, log_work);
	struct kmb_xfd_event *ev;

	ev = kmalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return;
	ev->code = 4;
	ev->arg = 0;
	spin_lock_irq(&xd->lock);
	swap(ev, xd->last);
	spin_unlock_irq(&xd->lock);
	kfree(ev);
}

/* Called by kmb_xfd_start() with the device lock held. */
void kmb_xfd_note_event(struct kmb_xfd *xd, u32 code)
{
	struct kmb_xfd_event *ev = kmalloc(sizeof(*ev), GFP_KERNEL);

	if (!ev)
		return;
	ev->code = code;
	ev->arg = 0;
	kfree(xd->last);
	xd->last = ev;
}

/* The same for callers that hold the lock. */
void kmb_xfd_note_event_atomic(struct kmb_xfd *xd, u32 code)
{
	struct kmb_xfd_event *ev = kmalloc(sizeof(*ev), GFP_ATOMIC);

	if (!ev)
		return;
	ev->code = code;
	ev->arg = 0;
	kfree(xd->last);
	xd->last = ev;
}
