// SPDX-License-Identifier: GPL-2.0
/*
 * Ownership handed to a list: after list_add_tail() the event belongs to
 * the device's queue (freed by whoever drains it). foo_queue_bad() drops
 * the event when the queue is full, without freeing it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct foo_event {
	struct list_head node;
	u32 code;
};

struct foo_dev {
	struct list_head events;
	int nevents;
};

int foo_queue_bad(struct foo_dev *fd, u32 code)
{
	struct foo_event *ev = kzalloc(sizeof(*ev), GFP_ATOMIC);

	if (!ev)
		return -ENOMEM;
	ev->code = code;
	if (fd->nevents >= 32)
		return -ENOSPC; /* expect: alloc-leak */
	list_add_tail(&ev->node, &fd->events);
	fd->nevents++;
	return 0;
}

int foo_queue_good(struct foo_dev *fd, u32 code)
{
	struct foo_event *ev = kzalloc(sizeof(*ev), GFP_ATOMIC);

	if (!ev)
		return -ENOMEM;
	ev->code = code;
	if (fd->nevents >= 32) {
		kfree(ev);
		return -ENOSPC;
	}
	list_add_tail(&ev->node, &fd->events);
	fd->nevents++;
	return 0;
}

MODULE_LICENSE("GPL");
