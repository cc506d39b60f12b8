// SPDX-License-Identifier: GPL-2.0
/*
 * Calls that may sleep, from rules/sleep.rules, matched as they expand:
 * msleep(), copy_from_user(), get_user() (might_fault()), wait_event()
 * (might_sleep()), wait_for_completion(), might_sleep(), under a spinlock.
 * The twin does the same after the unlock.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <linux/completion.h>

struct foo_dev {
	spinlock_t lock;
	wait_queue_head_t wq;
	struct completion done;
	int ready;
	u32 cfg[4];
};

int foo_cfg_bad(struct foo_dev *fd, const void __user *ubuf, u32 __user *up)
{
	unsigned long flags;
	u32 v;
	int ret = 0;

	spin_lock_irqsave(&fd->lock, flags);
	msleep(1); /* expect: sleep-in-atomic */
	if (copy_from_user(fd->cfg, ubuf, sizeof(fd->cfg))) /* expect: sleep-in-atomic */
		ret = -EFAULT;
	if (get_user(v, up)) /* expect: sleep-in-atomic */
		ret = -EFAULT;
	wait_event(fd->wq, fd->ready); /* expect: sleep-in-atomic */
	wait_for_completion(&fd->done); /* expect: sleep-in-atomic */
	might_sleep(); /* expect: sleep-in-atomic */
	spin_unlock_irqrestore(&fd->lock, flags);
	return ret;
}

int foo_cfg_good(struct foo_dev *fd, const void __user *ubuf, u32 __user *up)
{
	unsigned long flags;
	u32 cfg[4], v;

	msleep(1);
	if (copy_from_user(cfg, ubuf, sizeof(cfg)))
		return -EFAULT;
	if (get_user(v, up))
		return -EFAULT;
	wait_event(fd->wq, fd->ready);
	wait_for_completion(&fd->done);
	might_sleep();
	spin_lock_irqsave(&fd->lock, flags);
	memcpy(fd->cfg, cfg, sizeof(cfg));
	fd->cfg[0] = v;
	spin_unlock_irqrestore(&fd->lock, flags);
	return 0;
}
MODULE_LICENSE("GPL");
