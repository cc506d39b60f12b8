// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: `if (likely(p))` guards the use on the likely arm.
 * foo_bad() has an else arm that only logs, then uses p after the if.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_sg {
	u32 addr;
	u32 len;
};

struct foo_xfer {
	struct foo_sg *sg;
	u32 len;
};

int foo_xfer_bad(struct foo_xfer *x)
{
	struct foo_sg *sg = kzalloc(sizeof(*sg), GFP_KERNEL);

	if (likely(sg))
		sg->len = x->len;
	else
		pr_warn("foo: no sg entry\n");
	sg->addr = 0; /* expect: unchecked-alloc */
	x->sg = sg;
	return 0;
}

int foo_xfer_good(struct foo_xfer *x)
{
	struct foo_sg *sg = kzalloc(sizeof(*sg), GFP_KERNEL);

	if (likely(sg)) {
		sg->len = x->len;
		sg->addr = 0;
		x->sg = sg;
		return 0;
	}
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
