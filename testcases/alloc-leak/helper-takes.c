// SPDX-License-Identifier: GPL-2.0
/*
 * Ownership handed to a helper of the file: foo_queue_event() puts the
 * event on the device's list (its summary says it gives up its argument),
 * so foo_report_good() owns nothing once it called it.
 * foo_report_bad() calls foo_trace_event(), which only reads the event,
 * and then returns without freeing it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct foo_event {
	struct list_head node;
	u32 code;
};

struct foo_dev {
	spinlock_t lock;
	struct list_head events;
	u32 last_code;
};

static void foo_queue_event(struct foo_dev *fd, struct foo_event *ev)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	list_add_tail(&ev->node, &fd->events);
	spin_unlock_irqrestore(&fd->lock, flags);
}

static void foo_trace_event(struct foo_dev *fd, const struct foo_event *ev)
{
	fd->last_code = ev->code;
}

int foo_report_good(struct foo_dev *fd, u32 code)
{
	struct foo_event *ev;

	ev = kzalloc(sizeof(*ev), GFP_ATOMIC);
	if (!ev)
		return -ENOMEM;
	ev->code = code;
	foo_queue_event(fd, ev);
	return 0;
}

int foo_report_bad(struct foo_dev *fd, u32 code)
{
	struct foo_event *ev;

	ev = kzalloc(sizeof(*ev), GFP_ATOMIC);
	if (!ev)
		return -ENOMEM;
	ev->code = code;
	foo_trace_event(fd, ev);
	return 0; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
