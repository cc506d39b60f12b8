// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that sleeps only when a bit of its flags argument is clear,
 * as __pm_runtime_idle() does with might_sleep_if(!(rpmflags &
 * RPM_ASYNC)): pm_runtime_put() passes RPM_ASYNC and may be called under
 * a spinlock, pm_runtime_put_sync() does not and may not. The twin
 * helper is called without the bit, under the lock.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

#define FOO_ASYNC	0x04
#define FOO_GET_PUT	0x08

struct foo_dev {
	spinlock_t lock;
	int usage;
};

static int foo_idle(struct foo_dev *fd, int flags)
{
	fd->usage--;
	if (!(flags & FOO_ASYNC))
		msleep(1);
	return 0;
}

static int foo_idle2(struct foo_dev *fd, int flags)
{
	fd->usage--;
	if (!(flags & FOO_ASYNC))
		msleep(1); /* expect: sleep-in-atomic */
	return 0;
}

void foo_put_async(struct foo_dev *fd)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	foo_idle(fd, FOO_GET_PUT | FOO_ASYNC);
	spin_unlock_irqrestore(&fd->lock, flags);
}

void foo_put_sync(struct foo_dev *fd)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	foo_idle2(fd, FOO_GET_PUT);
	spin_unlock_irqrestore(&fd->lock, flags);
}

MODULE_LICENSE("GPL");
