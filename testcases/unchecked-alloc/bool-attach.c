// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc in a function that returns bool: false is its
 * failure.  foo_attach_good() folds each allocation's NULL test into an
 * error flag and returns false when one failed, as brcmsmac's
 * brcms_b_attach_dmapio() does; the caller stops there (silent: the
 * return false that leaves the fields unchecked is not a success).
 * foo_attach_bad() returns true, its success, whether the allocation
 * worked or not, and foo_start() then writes through the field.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u8 *rx;
	u8 *tx;
	u8 *stats;
};

static noinline bool foo_attach_good(struct foo_dev *f)
{
	bool err = false;

	f->rx = kzalloc(64, GFP_KERNEL);
	err |= !f->rx;
	f->tx = kzalloc(64, GFP_KERNEL);
	err |= !f->tx;
	if (err)
		return false;
	if (f->rx)
		f->rx[0] = 0;
	if (f->tx)
		f->tx[0] = 0;
	return true;
}

static noinline bool foo_attach_bad(struct foo_dev *f)
{
	f->stats = kzalloc(64, GFP_KERNEL); /* expect: unchecked-alloc */
	return true;
}

static noinline void foo_start(struct foo_dev *f)
{
	f->rx[1] = 1;
	f->tx[1] = 1;
	f->stats[1] = 1;
}

int foo_probe(struct foo_dev *f)
{
	if (!foo_attach_good(f) || !foo_attach_bad(f))
		return -ENOMEM;
	foo_start(f);
	return 0;
}

MODULE_LICENSE("GPL");
