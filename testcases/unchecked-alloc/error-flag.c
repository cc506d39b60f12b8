// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc with the NULL tests folded into an error flag:
 * err |= !p is a test of p, as brcmsmac's brcms_b_attach_dmapio() does
 * with dma_attach_err.  foo_attach_good() folds both allocations' tests
 * into err and fails when it is set (silent).  foo_attach_bad() forgets
 * to fold in the second one: it returns 0 with the field maybe NULL,
 * and foo_start() writes through it.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u8 *rx, *tx;
	u8 *ctl, *stats;
};

static noinline int foo_attach_good(struct foo_dev *f)
{
	int err = 0;

	f->rx = kzalloc(64, GFP_KERNEL);
	err |= !f->rx;
	f->tx = kzalloc(64, GFP_KERNEL);
	err |= (NULL == f->tx);
	if (err)
		return -ENOMEM;
	return 0;
}

static noinline int foo_attach_bad(struct foo_dev *f)
{
	int err = 0;

	f->ctl = kzalloc(64, GFP_KERNEL);
	err |= !f->ctl;
	f->stats = kzalloc(64, GFP_KERNEL); /* expect: unchecked-alloc */
	if (err)
		return -ENOMEM;
	return 0;
}

static noinline void foo_start(struct foo_dev *f)
{
	f->rx[1] = 1;
	f->tx[1] = 1;
	f->ctl[1] = 1;
	f->stats[1] = 1;
}

int foo_probe(struct foo_dev *f)
{
	int err = foo_attach_good(f);

	if (err)
		return err;
	err = foo_attach_bad(f);
	if (err)
		return err;
	foo_start(f);
	return 0;
}

MODULE_LICENSE("GPL");
