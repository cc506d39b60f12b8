// SPDX-License-Identifier: GPL-2.0
/*
 * A lock held across a goto into the unwind ladder: the label's code
 * runs with the lock still held on that path.  Twin: the ladder drops
 * the lock first.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/device.h>

struct foo_dev {
	struct device *dev;
	spinlock_t lock;
	int state;
	char *why;
};

int foo_start_bad(struct foo_dev *fd)
{
	int ret = 0;

	spin_lock(&fd->lock);
	if (fd->state) {
		ret = -EBUSY;
		goto err;
	}
	fd->state = 1;
	spin_unlock(&fd->lock);
	return 0;
err:
	fd->why = kasprintf(GFP_KERNEL, "busy %d", fd->state); /* expect: sleep-in-atomic */
	spin_unlock(&fd->lock);
	return ret;
}

int foo_start_good(struct foo_dev *fd)
{
	int ret = 0;

	spin_lock(&fd->lock);
	if (fd->state) {
		ret = -EBUSY;
		goto err_unlock;
	}
	fd->state = 1;
	spin_unlock(&fd->lock);
	return 0;
err_unlock:
	spin_unlock(&fd->lock);
	kfree(fd->why);
	fd->why = kasprintf(GFP_KERNEL, "busy %d", ret);
	return ret;
}
MODULE_LICENSE("GPL");
