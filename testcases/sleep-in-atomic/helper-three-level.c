// SPDX-License-Identifier: GPL-2.0
/*
 * Three levels: foo_update_bad() holds the lock and calls foo_log(),
 * which calls foo_log_entry(), which sleeps in kmalloc(GFP_KERNEL).  The
 * allocation is reported, with a note per level up to the lock.
 * foo_log() is also called from process context (foo_update_good()),
 * which is correct.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/list.h>

struct foo_ev {
	struct list_head node;
	u32 code;
};

struct foo_dev {
	spinlock_t lock;
	struct list_head log;
	u32 status;
};

static struct foo_ev *foo_log_entry(u32 code)
{
	struct foo_ev *ev = kmalloc(sizeof(*ev), GFP_KERNEL); /* expect: sleep-in-atomic */

	if (ev)
		ev->code = code;
	return ev;
}

static void foo_log(struct foo_dev *fd, u32 code)
{
	struct foo_ev *ev = foo_log_entry(code);

	if (ev)
		list_add_tail(&ev->node, &fd->log);
}

void foo_update_bad(struct foo_dev *fd, u32 status)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	fd->status = status;
	foo_log(fd, status);
	spin_unlock_irqrestore(&fd->lock, flags);
}

void foo_update_good(struct foo_dev *fd, u32 status)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	fd->status = status;
	spin_unlock_irqrestore(&fd->lock, flags);
	foo_log(fd, status);
}
MODULE_LICENSE("GPL");
