// SPDX-License-Identifier: GPL-2.0
/*
 * A dereference's guard on a path the budget's joins made up.  cxgb4's
 * alloc_uld_rxqs() reads adap->msix_info in its queue loop only under
 * msi_idx >= 0, which only the MSI-X setup (adap->flags & USING_MSIX)
 * makes true; init_one() frees the table and clears the flag before it.
 * Past the exploration budget (--budget=30 here, 20,000 steps on the real
 * function) the loop's MSI-X and INTx rounds are joined, msi_idx >= 0
 * goes both ways on the joined value, and that path's dereference had no
 * guard ("*"), which made it unconditional for every caller.  A path
 * that a join made up (st->guess) adds no guard now; the paths explored
 * before the joins say when the table is read.  foo_probe_bad() calls a
 * helper that negates the u16 itself (0 for an id of 0): still reported.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_USING_MSIX	0x1

struct foo_msix {
	char desc[32];
	int idx;
};

struct foo_adap {
	unsigned int flags;
	struct foo_msix *msix_info;
	u16 abs_id;
	int nq;
};

int foo_enable_msix(struct foo_adap *adap)
{
	return adap->abs_id > 64 ? -ENOSPC : 0;
}

int foo_hw_alloc_rxq(struct foo_adap *adap, int msi_idx)
{
	return msi_idx < -(int)adap->abs_id - 1 ? -EINVAL : 0;
}

int foo_get_idx(struct foo_adap *adap)
{
	return adap->nq > 32 ? -ENOSPC : adap->nq;
}

static int foo_alloc_rxqs(struct foo_adap *adap)
{
	int msi_idx, i, err;

	if (adap->flags & FOO_USING_MSIX)
		msi_idx = 1;
	else
		msi_idx = -((int)adap->abs_id + 1);
	for (i = 0; i < adap->nq; i++) {
		if (msi_idx >= 0) {
			msi_idx = foo_get_idx(adap);
			if (msi_idx < 0)
				return -ENOSPC;
			adap->msix_info[msi_idx].desc[0] = '\0';
		}
		err = foo_hw_alloc_rxq(adap, msi_idx);
		if (err)
			return err;
	}
	return 0;
}

static int foo_alloc_rxqs_bad(struct foo_adap *adap)
{
	int msi_idx;

	if (adap->flags & FOO_USING_MSIX)
		msi_idx = 1;
	else
		msi_idx = -(int)adap->abs_id;
	if (msi_idx >= 0)
		adap->msix_info[msi_idx].desc[0] = '\0';
	return foo_hw_alloc_rxq(adap, msi_idx);
}

int foo_probe(struct foo_adap *adap)
{
	if (foo_enable_msix(adap)) {
		kfree(adap->msix_info);
		adap->flags &= ~FOO_USING_MSIX;
	}
	return foo_alloc_rxqs(adap);
}

int foo_probe_bad(struct foo_adap *adap)
{
	if (foo_enable_msix(adap)) {
		kfree(adap->msix_info);
		adap->flags &= ~FOO_USING_MSIX;
	}
	return foo_alloc_rxqs_bad(adap); /* expect: use-after-free:medium */
}
MODULE_LICENSE("GPL");
