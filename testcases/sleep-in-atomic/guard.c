// SPDX-License-Identifier: GPL-2.0
/*
 * Correct code only (FP class): guard(spinlock_irqsave)() takes the lock
 * in a header constructor and releases it through a cleanup attribute,
 * which kmemlint does not see.  The helper's lock must not be taken as
 * still held in its caller.  (A sleep inside a guard's scope is not seen
 * either: see docs/limits.md.)
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct foo_dev {
	spinlock_t lock;
	struct list_head node;
	struct work_struct work;
	void *buf;
};

static void foo_unlist(struct foo_dev *fd)
{
	guard(spinlock_irqsave)(&fd->lock);

	if (!list_empty(&fd->node))
		list_del_init(&fd->node);
}

void foo_cleanup(struct foo_dev *fd)
{
	foo_unlist(fd);
	cancel_work_sync(&fd->work);
	kfree(fd->buf);
	fd->buf = kzalloc(16, GFP_KERNEL);
}
MODULE_LICENSE("GPL");
