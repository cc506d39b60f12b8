// SPDX-License-Identifier: GPL-2.0
/*
 * A sleep behind a test of the gfp argument made in an inline helper, as
 * try_charge_memcg() does: `if (!gfpflags_allow_blocking(gfp_mask))
 * goto nomem;` before it waits.  The helper's test is the caller's test
 * of its own argument, so a GFP_ATOMIC caller under a lock does not
 * sleep there and a GFP_KERNEL one does.  The same with a driver's own
 * predicate, `foo_may_wait()`, joined with a second flag; and with the
 * test kept in a local first, as pcpu_alloc() does (`is_atomic =
 * !gfpflags_allow_blocking(gfp);` ... `if (is_atomic) goto fail;`).
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/gfp.h>

#define FOO_WAIT	0x01
#define FOO_QUIET	0x02

struct foo_dev {
	spinlock_t lock;
	int credits;
};

static inline bool foo_may_wait(unsigned int flags)
{
	return (flags & FOO_WAIT) && !(flags & FOO_QUIET);
}

static int foo_charge(struct foo_dev *fd, gfp_t gfp)
{
	if (fd->credits > 0) {
		fd->credits--;
		return 0;
	}
	if (!gfpflags_allow_blocking(gfp))
		return -ENOMEM;
	msleep(10);
	return 0;
}

static int foo_charge2(struct foo_dev *fd, gfp_t gfp)
{
	if (fd->credits > 0) {
		fd->credits--;
		return 0;
	}
	if (!gfpflags_allow_blocking(gfp))
		return -ENOMEM;
	msleep(10); /* expect: sleep-in-atomic */
	return 0;
}

static void foo_settle(struct foo_dev *fd, unsigned int flags)
{
	if (foo_may_wait(flags))
		msleep(1);
	fd->credits++;
}

static void foo_settle2(struct foo_dev *fd, unsigned int flags)
{
	if (foo_may_wait(flags))
		msleep(1); /* expect: sleep-in-atomic */
	fd->credits++;
}

static int foo_fill(struct foo_dev *fd, gfp_t gfp)
{
	bool is_atomic;

	is_atomic = !gfpflags_allow_blocking(gfp);
	if (fd->credits > 0)
		return 0;
	if (is_atomic)
		return -EAGAIN;
	msleep(1);
	return 0;
}

static int foo_fill2(struct foo_dev *fd, gfp_t gfp)
{
	bool is_atomic = !gfpflags_allow_blocking(gfp);

	if (fd->credits > 0)
		return 0;
	if (!is_atomic)
		msleep(1); /* expect: sleep-in-atomic */
	return 0;
}

int foo_charge_atomic(struct foo_dev *fd)
{
	int ret;

	spin_lock(&fd->lock);
	ret = foo_charge(fd, GFP_ATOMIC);
	foo_settle(fd, FOO_WAIT | FOO_QUIET);
	foo_settle(fd, 0);
	foo_fill(fd, GFP_ATOMIC);
	spin_unlock(&fd->lock);
	return ret;
}

int foo_charge_locked(struct foo_dev *fd)
{
	int ret;

	spin_lock(&fd->lock);
	ret = foo_charge2(fd, GFP_KERNEL);
	foo_settle2(fd, FOO_WAIT);
	foo_fill2(fd, GFP_NOIO);
	spin_unlock(&fd->lock);
	return ret;
}

MODULE_LICENSE("GPL");
