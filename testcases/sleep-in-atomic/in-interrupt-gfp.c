// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers that choose by the context they run in (rtl8723bs's
 * _rtw_malloc(): `kmalloc(sz, in_interrupt() ? GFP_ATOMIC : GFP_KERNEL)`,
 * and the old `if (in_atomic()) mdelay(); else msleep();`).  Called from a
 * timer callback (softirq) or under spin_lock_bh(), in_interrupt() is
 * true and in_atomic() too: they do not sleep.  The twins are called
 * under a plain spinlock in process context, where in_interrupt() is
 * false (GFP_KERNEL: a sleep) but in_atomic() true (mdelay: none), and
 * with interrupts disabled, where in_interrupt() is false too.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/hardirq.h>

struct foo_dev {
	spinlock_t lock;
	struct timer_list timer;
	void *cmd;
	void *evt;
};

static void *foo_malloc(size_t sz)
{
	return kmalloc(sz, in_interrupt() ? GFP_ATOMIC : GFP_KERNEL);
}

static void foo_delay(int ms)
{
	if (in_atomic())
		mdelay(ms);
	else
		msleep(ms);
}

static void foo_timer(struct timer_list *t)
{
	struct foo_dev *fd = from_timer(fd, t, timer);

	kfree(fd->cmd);
	fd->cmd = foo_malloc(16);
	foo_delay(2);
}

void foo_flush(struct foo_dev *fd)
{
	spin_lock_bh(&fd->lock);
	kfree(fd->cmd);
	fd->cmd = foo_malloc(16);
	foo_delay(2);
	spin_unlock_bh(&fd->lock);
}

void foo_start(struct foo_dev *fd)
{
	timer_setup(&fd->timer, foo_timer, 0);
}

/* the twins, called in process context with a plain spinlock or with
 * interrupts disabled */
static void *foo_malloc2(size_t sz)
{
	return kmalloc(sz, in_interrupt() ? GFP_ATOMIC : GFP_KERNEL); /* expect: sleep-in-atomic */
}

static void foo_delay2(int ms)
{
	if (in_atomic())
		mdelay(ms);
	else
		msleep(ms);
}

void foo_event(struct foo_dev *fd)
{
	spin_lock(&fd->lock);
	kfree(fd->evt);
	fd->evt = foo_malloc2(32);
	foo_delay2(2);
	spin_unlock(&fd->lock);
}

void foo_event_irqoff(struct foo_dev *fd)
{
	unsigned long flags;

	local_irq_save(flags);
	kfree(fd->evt);
	fd->evt = foo_malloc2(32);
	local_irq_restore(flags);
}

void foo_stop(struct foo_dev *fd)
{
	del_timer_sync(&fd->timer);
	kfree(fd->cmd);
	kfree(fd->evt);
}
MODULE_LICENSE("GPL");
