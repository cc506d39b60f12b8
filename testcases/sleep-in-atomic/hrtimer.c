// SPDX-License-Identifier: GPL-2.0
/*
 * hrtimer callbacks, stored into .function: they run in hard irq context
 * (or in softirq context with HRTIMER_MODE_REL_SOFT), atomic either way.
 * A callback allocating with GFP_KERNEL, one (soft) calling a helper that
 * waits for a completion: bugs.  Twins: a callback that allocates with
 * GFP_ATOMIC, and one that defers to a work item, which may sleep.
 */
#include <linux/module.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/slab.h>

struct foo_dev {
	struct hrtimer poll_timer;
	struct hrtimer soft_timer;
	struct hrtimer ok_timer;
	struct hrtimer defer_timer;
	struct work_struct work;
	struct completion done;
	void *sample;
};

static enum hrtimer_restart foo_poll(struct hrtimer *t)
{
	struct foo_dev *fd = container_of(t, struct foo_dev, poll_timer);

	fd->sample = kmalloc(64, GFP_KERNEL); /* expect: sleep-in-atomic */
	return HRTIMER_NORESTART;
}

static void foo_wait_idle(struct foo_dev *fd)
{
	wait_for_completion(&fd->done); /* expect: sleep-in-atomic */
}

static enum hrtimer_restart foo_soft(struct hrtimer *t)
{
	struct foo_dev *fd = container_of(t, struct foo_dev, soft_timer);

	foo_wait_idle(fd);
	return HRTIMER_NORESTART;
}

static enum hrtimer_restart foo_ok(struct hrtimer *t)
{
	struct foo_dev *fd = container_of(t, struct foo_dev, ok_timer);

	fd->sample = kmalloc(64, GFP_ATOMIC);
	return HRTIMER_NORESTART;
}

/* the sample is optional: its reader checks it */
int foo_read_sample(struct foo_dev *fd, u8 *out)
{
	if (!fd->sample)
		return -ENODATA;
	*out = *(u8 *)fd->sample;
	return 0;
}

static void foo_work(struct work_struct *w)
{
	struct foo_dev *fd = container_of(w, struct foo_dev, work);

	wait_for_completion(&fd->done);
	kfree(fd->sample);
	fd->sample = kmalloc(64, GFP_KERNEL);
}

static enum hrtimer_restart foo_defer(struct hrtimer *t)
{
	struct foo_dev *fd = container_of(t, struct foo_dev, defer_timer);

	schedule_work(&fd->work);
	return HRTIMER_NORESTART;
}

void foo_start(struct foo_dev *fd)
{
	init_completion(&fd->done);
	INIT_WORK(&fd->work, foo_work);
	hrtimer_init(&fd->poll_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	fd->poll_timer.function = foo_poll;
	hrtimer_init(&fd->soft_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	fd->soft_timer.function = &foo_soft;
	hrtimer_init(&fd->ok_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	fd->ok_timer.function = foo_ok;
	hrtimer_init(&fd->defer_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	fd->defer_timer.function = foo_defer;
	hrtimer_start(&fd->poll_timer, ms_to_ktime(10), HRTIMER_MODE_REL);
}
MODULE_LICENSE("GPL");
