// SPDX-License-Identifier: GPL-2.0
/*
 * Returned to the caller, directly or through an out-parameter: not a
 * leak. foo_make_bad() returns NULL on a bad size after allocating, and
 * the block is lost.
 */
#include <linux/module.h>
#include <linux/slab.h>

u8 *foo_make_bad(size_t len)
{
	u8 *p = kzalloc(64, GFP_KERNEL);

	if (!p)
		return NULL;
	if (len > 64)
		return NULL; /* expect: alloc-leak */
	return p;
}

u8 *foo_make_good(size_t len)
{
	u8 *p;

	if (len > 64)
		return NULL;
	p = kzalloc(64, GFP_KERNEL);
	if (!p)
		return NULL;
	return p;
}

int foo_make_out_good(u8 **out)
{
	u8 *p = kzalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	*out = p;
	return 0;
}

MODULE_LICENSE("GPL");
