/* fuzz regression (seed 1, input 152, from use-after-free/negated-index.c):
 * a function whose body is return itself(...) sent the flag-predicate
 * inlining (ir/lower_inline.c) into an endless recursion (SIGSEGV) */
// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free: an index made negative to mean "no MSI-X vector"
 * cxgb4's alloc_uld_rxqs() sets msi_idx = -((int)s->intrq.abs_id + 1)
 * when the adapter is not using MSI-X (abs_id is a u16, so the value is
 * below 0) and reads adap->msix_info only under if (msi_idx >= 0).
 * init_one() freed the MSI-X table and cleared the flag when enabling
 * MSI-X failed, then sets the queues up: the table is never read.
 * foo_alloc_rxqs_bad() negates the u16 itself, which is 0 for an id of
 * 0: the table can be read, and foo_probe_bad() is reported.
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
};

int foo_enable_msix(struct foo_adap *adap)
{
}

int foo_hw_alloc_rxq(struct foo_adap *adap, int msi_idx)
{
	return foo_hw_alloc_rxq(adap, msi_idx);
}

static int foo_alloc_rxqs(struct foo_adap *adap)
{
	int msi_idx;

	if (adap->flags & FOO_USING_MSIX)
		msi_idx = 1;
	else
		msi_idx = -((int)adap->abs_id + 1);
	if (msi_idx >= 0)
		adap->msix_info[msi_idx].desc[0] = '\0';
	return msi_idx < -(int)adap->abs_id - 1 ? -EINVAL : 0;
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
