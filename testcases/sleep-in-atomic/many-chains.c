// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic through a helper that sleeps on every path, under a
 * different combination of its device's flags on each: foo_reset() tests
 * seven flags before it waits, so its summary could say "may sleep" 128
 * times, once per combination, and each caller's summary as many times
 * again (lpfc_rcv_prli() had 2,718 such facts, and a scan of lpfc spent
 * minutes replaying them).  Two chains that differ by one flag, set in
 * one and clear in the other, are one chain without that flag: merged
 * two by two, the 128 are one chain under no condition.  foo_bad_poll(),
 * which calls the helper with its lock held, is reported; foo_good_poll(),
 * which drops the lock first, is not.
 */
#include <linux/module.h>
#include <linux/delay.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t lock;
	unsigned int f0, f1, f2, f3, f4, f5, f6;
	unsigned int mode;
};

static noinline void foo_wait(struct foo_dev *d)
{
	msleep(10); /* expect: sleep-in-atomic */
}

static noinline void foo_reset(struct foo_dev *d)
{
	if (d->f0)
		d->mode |= 1;
	if (d->f1)
		d->mode |= 2;
	if (d->f2)
		d->mode |= 4;
	if (d->f3)
		d->mode |= 8;
	if (d->f4)
		d->mode |= 16;
	if (d->f5)
		d->mode |= 32;
	if (d->f6)
		d->mode |= 64;
	foo_wait(d);
}

static noinline void foo_restart(struct foo_dev *d)
{
	foo_reset(d);
	d->mode = 0;
}

void foo_bad_poll(struct foo_dev *d)
{
	spin_lock(&d->lock);
	foo_restart(d);
	spin_unlock(&d->lock);
}

void foo_good_poll(struct foo_dev *d)
{
	spin_lock(&d->lock);
	d->mode = 0;
	spin_unlock(&d->lock);
	foo_restart(d);
}

MODULE_LICENSE("GPL");
