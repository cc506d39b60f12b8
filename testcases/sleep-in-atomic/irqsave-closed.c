// SPDX-License-Identifier: GPL-2.0
/*
 * An irqsave region closed on one path only: the allocation after it is
 * in atomic context on the path that kept the lock.  Twin: the region is
 * closed on every path before the allocation.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t lock;
	int pending;
	void *buf;
};

int foo_kick_bad(struct foo_dev *fd)
{
	unsigned long flags;
	void *p;

	spin_lock_irqsave(&fd->lock, flags);
	if (!fd->pending) {
		spin_unlock_irqrestore(&fd->lock, flags);
		p = kzalloc(32, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
		fd->buf = p;
		return 0;
	}
	p = kzalloc(32, GFP_KERNEL); /* expect: sleep-in-atomic */
	if (p)
		fd->buf = p;
	spin_unlock_irqrestore(&fd->lock, flags);
	return p ? 0 : -ENOMEM;
}

int foo_kick_good(struct foo_dev *fd)
{
	unsigned long flags;
	int pending;
	void *p;

	spin_lock_irqsave(&fd->lock, flags);
	pending = fd->pending;
	if (!pending) {
		spin_unlock_irqrestore(&fd->lock, flags);
		return 0;
	}
	fd->pending = 0;
	spin_unlock_irqrestore(&fd->lock, flags);
	p = kzalloc(32, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	fd->buf = p;
	return 0;
}
MODULE_LICENSE("GPL");
