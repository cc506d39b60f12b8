// SPDX-License-Identifier: GPL-2.0
/*
 * DEFINE_TIMER() and DECLARE_TASKLET() are static initialisers of a
 * timer_list's .function and a tasklet_struct's .callback: softirq
 * context.  A timer function calling msleep() and a tasklet allocating
 * with GFP_KERNEL are bugs; their twins use mdelay() and GFP_ATOMIC.
 */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/slab.h>

static void *foo_event;
static void *bar_event;

static void foo_watchdog_fn(struct timer_list *t)
{
	msleep(5); /* expect: sleep-in-atomic */
}

static void bar_watchdog_fn(struct timer_list *t)
{
	mdelay(1);
}

static void foo_tasklet_fn(struct tasklet_struct *t)
{
	foo_event = kzalloc(64, GFP_KERNEL); /* expect: sleep-in-atomic */
}

static void bar_tasklet_fn(struct tasklet_struct *t)
{
	bar_event = kzalloc(64, GFP_ATOMIC);
}

static DEFINE_TIMER(foo_watchdog, foo_watchdog_fn);
static DEFINE_TIMER(bar_watchdog, bar_watchdog_fn);
static DECLARE_TASKLET(foo_tasklet, foo_tasklet_fn);
static DECLARE_TASKLET(bar_tasklet, bar_tasklet_fn);

void foo_kick(void)
{
	mod_timer(&foo_watchdog, jiffies + HZ);
	mod_timer(&bar_watchdog, jiffies + HZ);
	tasklet_schedule(&foo_tasklet);
	tasklet_schedule(&bar_tasklet);
}
MODULE_LICENSE("GPL");
