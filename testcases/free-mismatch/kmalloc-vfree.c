// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch: the small path allocates with kmalloc() and the release
 * was written for the large path's vmalloc(): vfree() on slab memory
 * (WARN "Trying to vfree() nonexistent vm area", and a leak).
 * foo_dump_good() picks the release with the allocation.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

#define FOO_SMALL	256

int foo_dump_bad(const void *regs, size_t len, u32 *first)
{
	u8 *snap = kmalloc(FOO_SMALL, GFP_KERNEL);

	if (!snap)
		return -ENOMEM;
	memcpy(snap, regs, min_t(size_t, len, FOO_SMALL));
	*first = snap[0];
	vfree(snap); /* expect: free-mismatch:high */
	return 0;
}

int foo_dump_good(const void *regs, size_t len, u32 *first)
{
	bool small = len <= FOO_SMALL;
	u8 *snap = small ? kmalloc(len, GFP_KERNEL) : vmalloc(len);

	if (!snap)
		return -ENOMEM;
	memcpy(snap, regs, len);
	*first = snap[0];
	if (small)
		kfree(snap);
	else
		vfree(snap);
	return 0;
}

MODULE_LICENSE("GPL");
