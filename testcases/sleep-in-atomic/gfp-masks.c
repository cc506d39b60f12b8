// SPDX-License-Identifier: GPL-2.0
/*
 * Whether an allocation may sleep comes from the value of its gfp mask:
 * __GFP_DIRECT_RECLAIM set (GFP_KERNEL, GFP_NOFS, GFP_NOIO, GFP_USER,
 * GFP_KERNEL_ACCOUNT, GFP_KERNEL | __GFP_ZERO) sleeps; GFP_ATOMIC,
 * GFP_NOWAIT and GFP_NOWAIT | __GFP_NOWARN do not.  All under an irqsave
 * spinlock.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t lock;
	void *buf[8];
};

void foo_fill_bad(struct foo_dev *fd)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	fd->buf[0] = kmalloc(16, GFP_NOFS); /* expect: sleep-in-atomic */
	fd->buf[1] = kmalloc(16, GFP_NOIO); /* expect: sleep-in-atomic */
	fd->buf[2] = kmalloc(16, GFP_USER); /* expect: sleep-in-atomic */
	fd->buf[3] = kmalloc(16, GFP_KERNEL_ACCOUNT); /* expect: sleep-in-atomic */
	fd->buf[4] = kmalloc(16, GFP_KERNEL | __GFP_ZERO); /* expect: sleep-in-atomic */
	spin_unlock_irqrestore(&fd->lock, flags);
}

void foo_fill_good(struct foo_dev *fd)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	fd->buf[0] = kmalloc(16, GFP_ATOMIC);
	fd->buf[1] = kmalloc(16, GFP_NOWAIT);
	fd->buf[2] = kmalloc(16, GFP_NOWAIT | __GFP_NOWARN);
	fd->buf[3] = kzalloc(16, GFP_ATOMIC | __GFP_NOWARN);
	spin_unlock_irqrestore(&fd->lock, flags);
	fd->buf[4] = kmalloc(16, GFP_KERNEL | __GFP_ZERO);
}
MODULE_LICENSE("GPL");
