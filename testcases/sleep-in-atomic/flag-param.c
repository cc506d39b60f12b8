// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that sleeps only when its caller says it may (a bool flag, an
 * action code it tests, a pointer it needs): called under a lock with the
 * value that keeps it from sleeping (false, another code, NULL), it is
 * correct; with the other one, it sleeps in atomic context.  Each helper
 * has a twin, so that the silent call and the reported one are on
 * different lines.
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
	msleep(2);
}

static void foo_set_filter2(struct foo_dev *fd, u32 filter, bool may_sleep)
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
		usleep_range(100, 200);
}

static void foo_act2(struct foo_dev *fd, int action)
{
	fd->state = action;
	if (action == FOO_ACT_RESET)
		usleep_range(100, 200); /* expect: sleep-in-atomic */
}

static int foo_reload(struct foo_dev *fd, u32 *saved)
{
	fd->state = 0;
	if (!saved)
		return 1;
	msleep(20);
	*saved = fd->filter;
	return 0;
}

static int foo_reload2(struct foo_dev *fd, u32 *saved)
{
	fd->state = 0;
	if (!saved)
		return 1;
	msleep(20); /* expect: sleep-in-atomic */
	*saved = fd->filter;
	return 0;
}

void foo_xmit_good(struct foo_dev *fd, u32 filter)
{
	spin_lock(&fd->lock);
	foo_set_filter(fd, filter, false);
	foo_act(fd, FOO_ACT_PROBE);
	foo_reload(fd, NULL);
	spin_unlock(&fd->lock);
}

void foo_xmit_bad(struct foo_dev *fd, u32 filter)
{
	u32 saved;

	spin_lock(&fd->lock);
	foo_set_filter2(fd, filter, true);
	foo_act2(fd, FOO_ACT_RESET);
	foo_reload2(fd, &saved);
	spin_unlock(&fd->lock);
}

void foo_open_good(struct foo_dev *fd, u32 filter)
{
	u32 saved;

	foo_set_filter(fd, filter, true);
	foo_act(fd, FOO_ACT_RESET);
	foo_reload(fd, &saved);
}
MODULE_LICENSE("GPL");
