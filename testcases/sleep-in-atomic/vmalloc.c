// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc() always may sleep; vfree() may sleep in process context (it
 * defers its work from an interrupt).  Under a spinlock both are bugs; a
 * vfree() in a timer callback is correct.
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct foo_dev {
	spinlock_t lock;
	struct timer_list gc;
	void *table;
	void *old;
};

int foo_grow_bad(struct foo_dev *fd, size_t len)
{
	void *p;

	spin_lock(&fd->lock);
	p = vzalloc(len); /* expect: sleep-in-atomic */
	if (p) {
		vfree(fd->table); /* expect: sleep-in-atomic */
		fd->table = p;
	}
	spin_unlock(&fd->lock);
	return p ? 0 : -ENOMEM;
}

int foo_grow_good(struct foo_dev *fd, size_t len)
{
	void *p = vzalloc(len), *old;

	if (!p)
		return -ENOMEM;
	spin_lock(&fd->lock);
	old = fd->table;
	fd->table = p;
	spin_unlock(&fd->lock);
	vfree(old);
	return 0;
}

static void foo_gc(struct timer_list *t)
{
	struct foo_dev *fd = from_timer(fd, t, gc);

	vfree(fd->old);
	fd->old = NULL;
}

void foo_start_gc(struct foo_dev *fd)
{
	timer_setup(&fd->gc, foo_gc, 0);
}
MODULE_LICENSE("GPL");
