// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic and a function declared __releases() (bcache's
 * journal_try_write(c) __releases(c->journal.lock): on one path it
 * unlocks, on the other it starts the write through closure_call(),
 * whose callback unlocks; journal_wait_for_write() then sleeps in
 * closure_sync()).  The engine does not follow the callback, but the
 * annotation Sparse checks says the lock is dropped on every path.
 * foo_wait_bad() takes the lock again before it sleeps.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct foo;

struct foo_ops {
	void (*start)(struct foo *f);
};

struct foo {
	spinlock_t lock;
	int busy;
	const struct foo_ops *ops;
};

static void foo_kick(struct foo *f)
	__releases(&f->lock)
{
	if (!f->busy) {
		f->busy = 1;
		f->ops->start(f);	/* unlocks */
	} else {
		spin_unlock(&f->lock);
	}
}

void foo_wait(struct foo *f);
void foo_wait(struct foo *f)
{
	spin_lock(&f->lock);
	foo_kick(f);
	msleep(10);
}

void foo_wait_bad(struct foo *f);
void foo_wait_bad(struct foo *f)
{
	spin_lock(&f->lock);
	foo_kick(f);
	spin_lock(&f->lock);
	msleep(10);	/* expect: sleep-in-atomic */
	spin_unlock(&f->lock);
}

MODULE_LICENSE("GPL");
