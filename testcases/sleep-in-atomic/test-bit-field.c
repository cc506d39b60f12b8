// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (esas2r esas2r_check_adapter(), drivers/scsi): the helper
 * waits for the firmware (schedule_timeout_interruptible()) unless
 * test_bit(FOO_RESET, &fp->flags), and its tasklet caller only calls it
 * inside `while (test_bit(FOO_RESET, &fp->flags))`: the sleep is never
 * reached from softirq context.  The flag tested with test_bit() is a
 * condition on $0->flags, as `if (fp->flags & BIT(FOO_RESET))` is
 * (flag-field.c), and the caller's test_bit() tells it the bit (the
 * engine's known bits were written where the test's place was not read
 * back, for a field through a pointer).  The same helper called from the
 * tasklet where the bit is clear (foo_handle_degraded()) sleeps there:
 * the finding's chain goes through it.
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/bitops.h>
#include <linux/io.h>

#define FOO_RESET	3
#define FOO_DEGRADED	4

struct foo_adapter {
	unsigned long flags;
	void __iomem *regs;
	struct tasklet_struct tasklet;
};

/* Not static: the other files of the driver call it too. */
bool foo_check_adapter(struct foo_adapter *fp);
bool foo_check_adapter(struct foo_adapter *fp)
{
	unsigned long start = jiffies;

	if (test_bit(FOO_RESET, &fp->flags))
		goto skip_reset;

	while (readl(fp->regs) != 0x1) {
		if (time_after(jiffies, start + 2 * HZ))
			return false;
		/* reached from the tasklet through foo_handle_degraded() */
		schedule_timeout_interruptible(msecs_to_jiffies(100)); /* expect: sleep-in-atomic */
	}
skip_reset:
	writel(0, fp->regs);
	return true;
}

static void foo_handle_reset(struct foo_adapter *fp)
{
	while (test_bit(FOO_RESET, &fp->flags)) {
		foo_check_adapter(fp);
		if (readl(fp->regs + 4))
			break;
		clear_bit(FOO_RESET, &fp->flags);
	}
}

static void foo_handle_degraded(struct foo_adapter *fp)
{
	if (test_bit(FOO_DEGRADED, &fp->flags) &&
	    !test_bit(FOO_RESET, &fp->flags))
		foo_check_adapter(fp); /* expect-note: sleep-in-atomic */
}

static void foo_tasklet(struct tasklet_struct *t)
{
	struct foo_adapter *fp = from_tasklet(fp, t, tasklet);

	foo_handle_reset(fp);
	foo_handle_degraded(fp);
}

static struct foo_adapter foo;

static int __init foo_init(void)
{
	tasklet_setup(&foo.tasklet, foo_tasklet);
	return 0;
}
module_init(foo_init);

MODULE_LICENSE("GPL");
