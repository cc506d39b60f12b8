// SPDX-License-Identifier: GPL-2.0
/*
 * A mutex is a sleeping lock: GFP_KERNEL under it is fine.  Taking a
 * mutex with a spinlock held may sleep.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

struct foo_dev {
	struct mutex cfg_lock;
	spinlock_t irq_lock;
	void *cfg;
	int armed;
};

int foo_set_cfg_good(struct foo_dev *fd, size_t len)
{
	void *p;

	mutex_lock(&fd->cfg_lock);
	p = kzalloc(len, GFP_KERNEL);
	if (p) {
		kfree(fd->cfg);
		fd->cfg = p;
	}
	mutex_unlock(&fd->cfg_lock);
	return p ? 0 : -ENOMEM;
}

void foo_arm_bad(struct foo_dev *fd)
{
	spin_lock_irq(&fd->irq_lock);
	mutex_lock(&fd->cfg_lock); /* expect: sleep-in-atomic */
	fd->armed = 1;
	mutex_unlock(&fd->cfg_lock);
	spin_unlock_irq(&fd->irq_lock);
}

void foo_arm_good(struct foo_dev *fd)
{
	mutex_lock(&fd->cfg_lock);
	spin_lock_irq(&fd->irq_lock);
	fd->armed = 1;
	spin_unlock_irq(&fd->irq_lock);
	mutex_unlock(&fd->cfg_lock);
}
MODULE_LICENSE("GPL");
