// SPDX-License-Identifier: GPL-2.0
/*
 * A trylock holds the lock only where it succeeded: an allocation on the
 * success branch is under the lock, one on the failure branch is not.
 * spin_trylock_irqsave() (local_irq_save() then a trylock) is closed by
 * one spin_unlock_irqrestore().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t lock;
	void *buf;
};

int foo_try_bad(struct foo_dev *fd)
{
	void *p;

	if (!spin_trylock(&fd->lock))
		return -EBUSY;
	p = kmalloc(32, GFP_KERNEL); /* expect: sleep-in-atomic */
	fd->buf = p;
	spin_unlock(&fd->lock);
	return p ? 0 : -ENOMEM;
}

int foo_try_good(struct foo_dev *fd)
{
	void *p;

	if (spin_trylock(&fd->lock)) {
		fd->buf = NULL;
		spin_unlock(&fd->lock);
		return 0;
	}
	p = kmalloc(32, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	kfree(p);
	return -EBUSY;
}

int foo_tryirq_bad(struct foo_dev *fd)
{
	unsigned long flags;
	int ret = -EBUSY;

	if (spin_trylock_irqsave(&fd->lock, flags)) {
		fd->buf = kmalloc(32, GFP_KERNEL); /* expect: sleep-in-atomic */
		ret = fd->buf ? 0 : -ENOMEM;
		spin_unlock_irqrestore(&fd->lock, flags);
	}
	return ret;
}

int foo_tryirq_good(struct foo_dev *fd)
{
	unsigned long flags;
	void *p;

	if (spin_trylock_irqsave(&fd->lock, flags)) {
		fd->buf = NULL;
		spin_unlock_irqrestore(&fd->lock, flags);
	}
	p = kmalloc(32, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	kfree(p);
	return 0;
}
MODULE_LICENSE("GPL");
