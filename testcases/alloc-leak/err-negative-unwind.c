// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (hidraw.c, hidraw_open()): the unwind frees the allocation
 * under `if (err < 0)` at the common exit, and every error path got
 * there after its own `if (err < 0) goto out_unlock;`.  On such an edge
 * err is known negative, so the exit's test follows the same way:
 * foo_open_good() must stay silent.  foo_open_bad() frees at the exit
 * only for -ENODEV, and leaks the list entry when powering up fails.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/mutex.h>

struct foo_dev;

struct foo_ops {
	int (*power)(struct foo_dev *fd, bool on);
};

struct foo_dev {
	struct mutex lock;
	const struct foo_ops *ops;
	bool exist;
	int open;
};

struct foo_list {
	struct foo_dev *fd;
};

int foo_open_good(struct foo_dev *fd, struct file *file)
{
	struct foo_list *list;
	int err = 0;

	list = kzalloc(sizeof(*list), GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	mutex_lock(&fd->lock);
	if (!fd->exist) {
		err = -ENODEV;
		goto out_unlock;
	}
	if (!fd->open++) {
		err = fd->ops->power(fd, true);
		if (err < 0) {
			fd->open--;
			goto out_unlock;
		}
	}
	list->fd = fd;
	file->private_data = list;
out_unlock:
	mutex_unlock(&fd->lock);
	if (err < 0)
		kfree(list);
	return err;
}

int foo_open_bad(struct foo_dev *fd, struct file *file)
{
	struct foo_list *list;
	int err = 0;

	list = kzalloc(sizeof(*list), GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	mutex_lock(&fd->lock);
	if (!fd->exist) {
		err = -ENODEV;
		goto out_unlock;
	}
	if (!fd->open++) {
		err = fd->ops->power(fd, true);
		if (err < 0) {
			fd->open--;
			goto out_unlock;
		}
	}
	list->fd = fd;
	file->private_data = list;
	mutex_unlock(&fd->lock);
	return 0;
out_unlock:
	mutex_unlock(&fd->lock);
	if (err == -ENODEV)
		kfree(list);
	return err; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
