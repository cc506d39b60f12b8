// SPDX-License-Identifier: GPL-2.0
/*
 * A helper called with its caller's spinlock held drops that lock only
 * when a worker thread exists (aacraid's _aac_reset_adapter(): if
 * (aac->thread && aac->thread->pid != current->pid) {
 * spin_unlock_irq(host->host_lock); kthread_stop(...); }), then sleeps
 * either way.  Where the thread is gone (a failed restart left it NULL)
 * the sleep runs under the caller's lock: reported, with a note at the
 * test that went past the unlock.  A helper that drops the lock on every
 * path before it sleeps is silent.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/kthread.h>

struct ck_dev {
	spinlock_t lock;
	spinlock_t stats_lock;
	struct task_struct *thread;
	int resets;
};

static void ck_reset_locked(struct ck_dev *d)
{
	if (d->thread) { /* expect-note: sleep-in-atomic */
		spin_unlock_irq(&d->lock);
		kthread_stop(d->thread);
		d->thread = NULL;
	}
	msleep(20); /* expect: sleep-in-atomic */
	d->resets++;
}

int ck_reset(struct ck_dev *d);
int ck_reset(struct ck_dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	ck_reset_locked(d);
	spin_unlock_irqrestore(&d->lock, flags);
	return 0;
}

static void ck_reset_dropped(struct ck_dev *d)
{
	spin_unlock_irq(&d->lock);
	if (d->thread) {
		spin_lock(&d->stats_lock);
		d->resets++;
		spin_unlock(&d->stats_lock);
	}
	msleep(20);
	spin_lock_irq(&d->lock);
}

int ck_reset_good(struct ck_dev *d);
int ck_reset_good(struct ck_dev *d)
{
	spin_lock_irq(&d->lock);
	ck_reset_dropped(d);
	spin_unlock_irq(&d->lock);
	return 0;
}

MODULE_LICENSE("GPL");
