// SPDX-License-Identifier: GPL-2.0
/*
 * A local declared with a cleanup attribute (`__free(kfree)` of
 * linux/cleanup.h) is released when it goes out of scope, so the early
 * returns of ncm_bind() (drivers/usb/gadget/function/f_ncm.c in
 * Debian's 6.1 tree) leak nothing, and no_free_ptr() hands the block
 * over on success. The flagged twin has no attribute.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/cleanup.h>

struct foo_os_desc {
	int n;
};

struct foo_func {
	struct foo_os_desc *os_desc;
	int bound;
};

int foo_bind_good(struct foo_func *f, bool use_os_string, int speed)
{
	struct foo_os_desc *os_desc __free(kfree) = NULL;

	if (use_os_string) {
		os_desc = kzalloc(sizeof(*os_desc), GFP_KERNEL);
		if (!os_desc)
			return -ENOMEM;
	}
	if (speed < 0)
		return -EINVAL;
	f->bound = 1;
	if (use_os_string)
		f->os_desc = no_free_ptr(os_desc);
	return 0;
}

int foo_bind_bad(struct foo_func *f, bool use_os_string, int speed)
{
	struct foo_os_desc *os_desc = NULL;

	if (use_os_string) {
		os_desc = kzalloc(sizeof(*os_desc), GFP_KERNEL);
		if (!os_desc)
			return -ENOMEM;
	}
	if (speed < 0)
		return -EINVAL; /* expect: alloc-leak */
	f->bound = 1;
	if (use_os_string)
		f->os_desc = os_desc;
	return 0;
}

MODULE_LICENSE("GPL");
