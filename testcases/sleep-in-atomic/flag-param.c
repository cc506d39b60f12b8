// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that sleeps only when its caller says it may (a bool flag, or
 * an action code it tests): called under a lock with the flag that keeps
 * it from sleeping, it is correct; with the other one, it sleeps in
 * atomic context.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

enum { FOO_ACT_PROBE = 1, FOO_ACT_RESET = 3 };

struct foo_dev {
	spinlock_t lock;
	u32 filter;
	int state;
};

static void foo_set_filter(struct foo_dev *fd, u32 filter, bool may_sleep)
{
	fd->filter = filter;
	if (!may_sleep)
		return;
	msleep(2); /* expect: sleep-in-atomic */
}

static void foo_act(struct foo_dev *fd, int action)
{
	fd->state = action;
	if (action == FOO_ACT_RESET)
		usleep_range(100, 200); /* expect: sleep-in-atomic */
}

void foo_xmit_good(struct foo_dev *fd, u32 filter)
{
	spin_lock(&fd->lock);
	foo_set_filter(fd, filter, false);
	foo_act(fd, FOO_ACT_PROBE);
	spin_unlock(&fd->lock);
}

void foo_xmit_bad(struct foo_dev *fd, u32 filter)
{
	spin_lock(&fd->lock);
	foo_set_filter(fd, filter, true);
	foo_act(fd, FOO_ACT_RESET);
	spin_unlock(&fd->lock);
}

void foo_open_good(struct foo_dev *fd, u32 filter)
{
	foo_set_filter(fd, filter, true);
	foo_act(fd, FOO_ACT_RESET);
}
MODULE_LICENSE("GPL");
