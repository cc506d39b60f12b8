// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers reached inside a spin_lock_bh() region and an RCU read-side
 * section: copy_from_user() in a helper under the _bh lock, a GFP_KERNEL
 * mask passed to a gfp_t helper under rcu_read_lock(), vfree() in a
 * helper under spin_lock_irqsave() in process context.  Twins: the copy
 * made before the lock, GFP_ATOMIC under RCU, GFP_KERNEL under a mutex,
 * and vfree() after the unlock.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>
#include <linux/mutex.h>
#include <linux/vmalloc.h>
#include <linux/uaccess.h>

struct foo_cfg {
	u32 mode;
	u32 rate;
};

struct foo_dev {
	spinlock_t lock;
	struct mutex cfg_mutex;
	struct foo_cfg cfg;
	struct foo_cfg __rcu *live;
	void *table;
	void *snap;
};

static int foo_read_cfg(struct foo_cfg *cfg, const void __user *arg)
{
	if (copy_from_user(cfg, arg, sizeof(*cfg))) /* expect: sleep-in-atomic */
		return -EFAULT;
	return 0;
}

int foo_set_cfg_bad(struct foo_dev *fd, const void __user *arg)
{
	int ret;

	spin_lock_bh(&fd->lock);
	ret = foo_read_cfg(&fd->cfg, arg);
	spin_unlock_bh(&fd->lock);
	return ret;
}

static int bar_read_cfg(struct foo_cfg *cfg, const void __user *arg)
{
	if (copy_from_user(cfg, arg, sizeof(*cfg)))
		return -EFAULT;
	return 0;
}

int foo_set_cfg_good(struct foo_dev *fd, const void __user *arg)
{
	struct foo_cfg cfg;
	int ret = bar_read_cfg(&cfg, arg);

	if (ret)
		return ret;
	spin_lock_bh(&fd->lock);
	fd->cfg = cfg;
	spin_unlock_bh(&fd->lock);
	return 0;
}

static void *foo_snapshot(const struct foo_cfg *c, gfp_t gfp)
{
	return kmemdup(c, sizeof(*c), gfp);
}

void *foo_snap_bad(struct foo_dev *fd)
{
	struct foo_cfg *c;
	void *s = NULL;

	rcu_read_lock();
	c = rcu_dereference(fd->live);
	if (c)
		s = foo_snapshot(c, GFP_KERNEL); /* expect: sleep-in-atomic */
	rcu_read_unlock();
	return s;
}

void *foo_snap_good(struct foo_dev *fd)
{
	struct foo_cfg *c;
	void *s = NULL;

	rcu_read_lock();
	c = rcu_dereference(fd->live);
	if (c)
		s = foo_snapshot(c, GFP_ATOMIC);
	rcu_read_unlock();
	return s;
}

void foo_snap_mutex(struct foo_dev *fd)
{
	mutex_lock(&fd->cfg_mutex);
	kfree(fd->snap);
	fd->snap = foo_snapshot(&fd->cfg, GFP_KERNEL);
	mutex_unlock(&fd->cfg_mutex);
}

static void foo_drop_table(struct foo_dev *fd)
{
	vfree(fd->table); /* expect: sleep-in-atomic */
	fd->table = NULL;
}

void foo_reset_bad(struct foo_dev *fd)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	foo_drop_table(fd);
	spin_unlock_irqrestore(&fd->lock, flags);
}

void foo_reset_good(struct foo_dev *fd)
{
	unsigned long flags;
	void *old;

	spin_lock_irqsave(&fd->lock, flags);
	old = fd->table;
	fd->table = NULL;
	spin_unlock_irqrestore(&fd->lock, flags);
	vfree(old);
}
MODULE_LICENSE("GPL");
