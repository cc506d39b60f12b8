// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/usb/gadget/function/f_fs.c ffs_epfile_io()): a branch
 * the author marks as impossible with WARN() ("Sanity check: data_len
 * can't be -EINVAL here") leaves without handing the buffer over.  A path
 * that prints a kernel warning is one its author says is not taken: a
 * leak on it is not worth a report (rules/control.rules `warns`).  The
 * warning may come after the buffer's last use on the path (the leak is
 * seen where the path enters the WARN's branch), through dev_WARN(), or
 * as the test itself (if (WARN(...))).  The bad twins leave the same way
 * with no warning.  WARN_ON() and WARN_ON_ONCE() without a message make
 * no call (an inline trap): their condition is the macro's own variable
 * __ret_warn_on, which a `warns` line names (dell_rbu's
 * img_update_realloc(): "can't happen per definition").  foo_trap_bad()
 * leaks where WARN_ON()'s condition is false.  Not covered
 * (docs/limits.md): WARN_ONCE() after its first time (its path that
 * prints nothing).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/device.h>

struct foo_io {
	void *buf;
	bool halt;
};

static void foo_free_buffer(struct foo_io *io)
{
	kfree(io->buf);
	io->buf = NULL;
}

int foo_io_good(struct foo_io *io, size_t count, long len)
{
	char *data;
	int ret;

	data = kmalloc(count, GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	if (io->halt) {
		ret = -EBADMSG;
		kfree(data);
	} else if (len == -EINVAL) {
		WARN(1, "%s: len == -EINVAL\n", __func__);
		ret = -EINVAL;
	} else {
		io->buf = data;
		ret = 0;
	}
	if (ret)
		foo_free_buffer(io);
	return ret;
}

int foo_io_bad(struct foo_io *io, size_t count, long len)
{
	char *data;
	int ret;

	data = kmalloc(count, GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	if (io->halt) {
		ret = -EBADMSG;
		kfree(data);
	} else if (len == -EINVAL) { /* expect-note: alloc-leak */
		ret = -EINVAL;
	} else {
		io->buf = data;
		ret = 0;
	}
	if (ret)
		foo_free_buffer(io);
	return ret; /* expect: alloc-leak */
}

int foo_dev_good(struct device *dev, struct foo_io *io, int mode)
{
	void *p = kzalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (mode < 0) {
		dev_WARN(dev, "negative mode %d\n", mode);
		return -EINVAL;
	}
	io->buf = p;
	return 0;
}

int foo_test_good(struct foo_io *io, void *ctx)
{
	void *p = kzalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (WARN(!ctx, "no context\n"))
		return -EINVAL;
	io->buf = p;
	return 0;
}

int foo_test_bad(struct foo_io *io, void *ctx)
{
	void *p = kzalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (!ctx) /* expect-note: alloc-leak */
		return -EINVAL; /* expect: alloc-leak */
	io->buf = p;
	return 0;
}

int foo_trap_good(struct foo_io *io, size_t n)
{
	void *p = kzalloc(n, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (WARN_ON_ONCE(n > PAGE_SIZE))
		return -EINVAL; /* can't happen per definition */
	if (WARN_ON(n == 3))
		return -EINVAL;
	io->buf = p;
	return 0;
}

int foo_trap_bad(struct foo_io *io, size_t n)
{
	void *p = kzalloc(n, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (!WARN_ON(n > PAGE_SIZE)) /* expect-note: alloc-leak */
		return -EINVAL; /* expect: alloc-leak */
	io->buf = p;
	return 0;
}

MODULE_LICENSE("GPL");
