// SPDX-License-Identifier: GPL-2.0
/*
 * ZERO_OR_NULL_PTR(p) is (unsigned long)p <= (unsigned long)ZERO_SIZE_PTR,
 * a comparison with 16: true for NULL and for the ZERO_SIZE_PTR that
 * kmalloc(0) returns, which owns nothing (kfree() takes it).  So it is a
 * NULL check: amdgpu_dm's hdcp_create_workqueue() returns on it, and the
 * path past it has a block, not NULL (two false findings before:
 * unchecked-alloc after it, alloc-leak on the return under it).
 * foo_bad() uses its block unchecked.
 */
#include <linux/module.h>
#include <linux/slab.h>

int foo_good(unsigned int n)
{
	u32 *w = kcalloc(n, sizeof(*w), GFP_KERNEL);

	if (ZERO_OR_NULL_PTR(w))
		return -ENOMEM;
	w[0] = 1;
	kfree(w);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_good);

int foo_bad(unsigned int n)
{
	u32 *w = kcalloc(n, sizeof(*w), GFP_KERNEL);

	w[0] = 1; /* expect: unchecked-alloc */
	kfree(w);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_bad);

MODULE_LICENSE("GPL");
