// SPDX-License-Identifier: GPL-2.0
/*
 * A sleep conditional on the bits of a flags parameter, reached through
 * a helper that adds a bit of its own (drivers/base/power/runtime.c):
 * rpm_resume() calls rpm_idle(dev, RPM_ASYNC), rpm_idle() calls
 * rpm_suspend(dev, rpmflags | RPM_AUTO), and rpm_suspend() waits
 * (schedule()) only when rpmflags has neither RPM_ASYNC nor RPM_NOWAIT.
 * The condition on the callee's argument (flags | FOO_AUTO) is one on
 * the helper's own flags, as the added bit is none of the tested ones;
 * dropping it made usb_autopm_get_interface_async() sleep under a lock
 * (5 false findings in usbhid, lan78xx, r8152, usbnet).
 * foo_get_async() is silent.  foo_get_sync() passes no flag under the
 * lock: reported.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

#define FOO_ASYNC	0x01
#define FOO_NOWAIT	0x02
#define FOO_AUTO	0x08

struct foo_dev {
	spinlock_t lock;
	int usage;
	int status;
};

static int foo_suspend(struct foo_dev *fd, int flags)
{
	fd->usage--;
	if (fd->status == 2) {
		if (flags & (FOO_ASYNC | FOO_NOWAIT))
			return -EINPROGRESS;
		msleep(1);
	}
	return 0;
}

static int foo_idle(struct foo_dev *fd, int flags)
{
	if (fd->usage)
		return -EAGAIN;
	return foo_suspend(fd, flags | FOO_AUTO);
}

static int foo_suspend2(struct foo_dev *fd, int flags)
{
	fd->usage--;
	if (fd->status == 2) {
		if (flags & (FOO_ASYNC | FOO_NOWAIT))
			return -EINPROGRESS;
		msleep(1); /* expect: sleep-in-atomic */
	}
	return 0;
}

static int foo_idle2(struct foo_dev *fd, int flags)
{
	if (fd->usage)
		return -EAGAIN;
	return foo_suspend2(fd, flags | FOO_AUTO);
}

static int foo_resume(struct foo_dev *fd)
{
	fd->usage++;
	return foo_idle(fd, FOO_ASYNC);
}

static int foo_resume_sync(struct foo_dev *fd)
{
	fd->usage++;
	return foo_idle2(fd, 0);
}

void foo_get_async(struct foo_dev *fd)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	foo_resume(fd);
	spin_unlock_irqrestore(&fd->lock, flags);
}

void foo_get_sync(struct foo_dev *fd)
{
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	foo_resume_sync(fd);
	spin_unlock_irqrestore(&fd->lock, flags);
}

MODULE_LICENSE("GPL");
