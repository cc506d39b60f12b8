// SPDX-License-Identifier: GPL-2.0
/*
 * Functions that return with a lock held, or release one: their
 * summaries change the caller's atomic depth.  GFP_KERNEL between
 * foo_lock() and foo_unlock() is a bug; after foo_unlock() it is not.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t lock;
	unsigned long flags;
	void *buf;
};

static void foo_lock(struct foo_dev *fd)
	__acquires(&fd->lock)
{
	spin_lock_irqsave(&fd->lock, fd->flags);
}

static void foo_unlock(struct foo_dev *fd)
	__releases(&fd->lock)
{
	spin_unlock_irqrestore(&fd->lock, fd->flags);
}

int foo_swap_bad(struct foo_dev *fd)
{
	void *p;

	foo_lock(fd);
	p = kzalloc(64, GFP_KERNEL); /* expect: sleep-in-atomic:medium */
	if (p) {
		kfree(fd->buf);
		fd->buf = p;
	}
	foo_unlock(fd);
	return p ? 0 : -ENOMEM;
}

int foo_swap_good(struct foo_dev *fd)
{
	void *p, *old;

	foo_lock(fd);
	old = fd->buf;
	fd->buf = NULL;
	foo_unlock(fd);
	kfree(old);
	p = kzalloc(64, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	foo_lock(fd);
	fd->buf = p;
	foo_unlock(fd);
	return 0;
}
MODULE_LICENSE("GPL");
