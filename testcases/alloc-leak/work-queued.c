// SPDX-License-Identifier: GPL-2.0
/*
 * A work item allocated for one job and queued: the workqueue runs its
 * handler, which frees it (hidpp_ff_queue_work() in
 * hid-logitech-hidpp.c).  queue_work() returns false only when the work
 * is already pending, which a work item just made never is, so the
 * queue owns it whatever the result.  The twin returns on a bad
 * command after the allocation, before anything owns the item.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct foo_dev {
	struct workqueue_struct *wq;
	int busy;
};

struct foo_work {
	struct work_struct work;
	struct delayed_work dwork;
	struct foo_dev *fd;
	int cmd;
};

static void foo_work_fn(struct work_struct *w)
{
	struct foo_work *fw = container_of(w, struct foo_work, work);

	fw->fd->busy = fw->cmd;
	kfree(fw);
}

static void foo_dwork_fn(struct work_struct *w)
{
	struct foo_work *fw = container_of(to_delayed_work(w),
					   struct foo_work, dwork);

	fw->fd->busy = 0;
	kfree(fw);
}

int foo_queue(struct foo_dev *fd, int cmd)
{
	struct foo_work *fw = kzalloc(sizeof(*fw), GFP_KERNEL);
	int s;

	if (!fw)
		return -ENOMEM;
	INIT_WORK(&fw->work, foo_work_fn);
	fw->fd = fd;
	fw->cmd = cmd;
	s = fd->busy++;
	queue_work(fd->wq, &fw->work);
	if (s >= 20 && s % 20 == 0)
		pr_warn("foo: %d commands queued\n", s);
	return 0;
}

int foo_schedule(struct foo_dev *fd, int cmd)
{
	struct foo_work *fw = kzalloc(sizeof(*fw), GFP_KERNEL);

	if (!fw)
		return -ENOMEM;
	INIT_DELAYED_WORK(&fw->dwork, foo_dwork_fn);
	fw->fd = fd;
	fw->cmd = cmd;
	if (cmd)
		schedule_delayed_work(&fw->dwork, HZ);
	else
		queue_delayed_work(fd->wq, &fw->dwork, 0);
	return 0;
}

int foo_queue_bad(struct foo_dev *fd, int cmd)
{
	struct foo_work *fw = kzalloc(sizeof(*fw), GFP_KERNEL);

	if (!fw)
		return -ENOMEM;
	INIT_WORK(&fw->work, foo_work_fn);
	fw->fd = fd;
	if (cmd < 0)
		return -EINVAL; /* expect: alloc-leak */
	fw->cmd = cmd;
	schedule_work(&fw->work);
	return 0;
}

MODULE_LICENSE("GPL");
