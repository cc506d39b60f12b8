// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc through a callee, on the path where the caller's own
 * check found the allocation NULL (efx_vfdi_set_status_page() in
 * drivers/net/ethernet/sfc/siena/siena_sriov.c).  The good caller keeps
 * going without the table: it leaves the count at 0, and the callee
 * reads the table only for entries below the count, so a NULL table is
 * never dereferenced.  The bad caller also tolerates the failure, but
 * its callee dereferences the table on every path.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_vf {
	u64 *peer_addrs;
	unsigned int peer_count;
	u64 status;
};

static void foo_push_status(struct foo_vf *vf)
{
	unsigned int i;

	vf->status = 0;
	for (i = 0; i < vf->peer_count; i++)
		vf->status += vf->peer_addrs[i];
}

void foo_set_status_page(struct foo_vf *vf, const u64 *addrs,
			 unsigned int count)
{
	kfree(vf->peer_addrs);
	vf->peer_addrs = NULL;
	vf->peer_count = 0;

	if (count) {
		vf->peer_addrs = kcalloc(count, sizeof(u64), GFP_KERNEL);
		if (vf->peer_addrs) {
			memcpy(vf->peer_addrs, addrs, count * sizeof(u64));
			vf->peer_count = count;
		}
	}
	foo_push_status(vf);
}

struct foo_bad_vf {
	u64 *peer_addrs;
	unsigned int peer_count;
	u64 status;
};

static void foo_bad_push_status(struct foo_bad_vf *vf)
{
	vf->status = vf->peer_addrs[0];
}

void foo_bad_set_status_page(struct foo_bad_vf *vf, const u64 *addrs,
			     unsigned int count)
{
	kfree(vf->peer_addrs);
	vf->peer_count = 0;
	vf->peer_addrs = kcalloc(count + 1, sizeof(u64), GFP_KERNEL);
	if (vf->peer_addrs) {
		memcpy(vf->peer_addrs, addrs, count * sizeof(u64));
		vf->peer_count = count;
	}
	foo_bad_push_status(vf); /* expect: unchecked-alloc */
}

MODULE_LICENSE("GPL");
