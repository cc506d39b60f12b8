// SPDX-License-Identifier: GPL-2.0
/*
 * A timer callback runs in softirq context: msleep() in it is a bug.  The
 * good timer defers the slow part to a work item, which may sleep.
 */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <linux/slab.h>

struct foo_dev {
	struct timer_list t_bad, t_good;
	struct work_struct work;
	void *buf;
};

static void foo_timer_bad(struct timer_list *t)
{
	struct foo_dev *fd = from_timer(fd, t, t_bad);

	msleep(5); /* expect: sleep-in-atomic */
	mod_timer(&fd->t_bad, jiffies + HZ);
}

static void foo_timer_good(struct timer_list *t)
{
	struct foo_dev *fd = from_timer(fd, t, t_good);

	schedule_work(&fd->work);
}

static void foo_work(struct work_struct *w)
{
	struct foo_dev *fd = container_of(w, struct foo_dev, work);
	void *p;

	msleep(5);
	p = kzalloc(64, GFP_KERNEL);
	kfree(fd->buf);
	fd->buf = p;
}

void foo_start(struct foo_dev *fd)
{
	INIT_WORK(&fd->work, foo_work);
	timer_setup(&fd->t_bad, foo_timer_bad, 0);
	timer_setup(&fd->t_good, foo_timer_good, 0);
	mod_timer(&fd->t_bad, jiffies + HZ);
	mod_timer(&fd->t_good, jiffies + HZ);
}
MODULE_LICENSE("GPL");
