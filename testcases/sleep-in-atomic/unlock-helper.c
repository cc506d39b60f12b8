// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that drops its caller's lock around a sleeping call and takes
 * it again (tg3_irq_quiesce() style), called from a lock helper that
 * calls it only on request: the sleep is outside the lock.  The bad helper
 * sleeps without dropping the lock.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>

struct foo_dev {
	spinlock_t lock;
	int irq;
	int irq_sync;
};

static void foo_quiesce(struct foo_dev *fd)
	__releases(&fd->lock)
	__acquires(&fd->lock)
{
	fd->irq_sync = 1;
	spin_unlock_bh(&fd->lock);
	synchronize_irq(fd->irq);
	spin_lock_bh(&fd->lock);
}

static void foo_quiesce_locked(struct foo_dev *fd)
{
	fd->irq_sync = 1;
	synchronize_irq(fd->irq); /* expect: sleep-in-atomic */
}

static void foo_full_lock(struct foo_dev *fd, int sync)
	__acquires(&fd->lock)
{
	spin_lock_bh(&fd->lock);
	if (sync)
		foo_quiesce(fd);
}

static void foo_full_unlock(struct foo_dev *fd)
	__releases(&fd->lock)
{
	spin_unlock_bh(&fd->lock);
}

void foo_stop_good(struct foo_dev *fd)
{
	foo_full_lock(fd, 1);
	fd->irq_sync = 0;
	foo_full_unlock(fd);
}

void foo_stop_bad(struct foo_dev *fd)
{
	foo_full_lock(fd, 0);
	foo_quiesce_locked(fd);
	foo_full_unlock(fd);
}
MODULE_LICENSE("GPL");
