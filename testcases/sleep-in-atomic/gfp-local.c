// SPDX-License-Identifier: GPL-2.0
/*
 * A gfp mask held in a local is followed like any other constant: the
 * mask picked before the lock is the one the allocation under it uses.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t lock;
	void *buf;
};

int foo_refill_bad(struct foo_dev *fd)
{
	gfp_t gfp = GFP_KERNEL;
	void *p;

	spin_lock_bh(&fd->lock);
	p = kzalloc(64, gfp); /* expect: sleep-in-atomic */
	if (p)
		fd->buf = p;
	spin_unlock_bh(&fd->lock);
	return p ? 0 : -ENOMEM;
}

int foo_refill_good(struct foo_dev *fd)
{
	gfp_t gfp = GFP_ATOMIC;
	void *p;

	spin_lock_bh(&fd->lock);
	p = kzalloc(64, gfp);
	if (p)
		fd->buf = p;
	spin_unlock_bh(&fd->lock);
	return p ? 0 : -ENOMEM;
}
MODULE_LICENSE("GPL");
