// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch on kvmalloc memory: kvmalloc_array() may return slab or
 * vmalloc memory, so only kvfree() is right. foo_table_bad() releases it
 * with kfree() on one path and vfree() on another; foo_table_good() uses
 * kvfree() on both.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>

struct foo_table {
	u32 *ent;
	unsigned int nr;
};

int foo_table_bad(struct foo_table *t, unsigned int nr, bool probe_only)
{
	u32 *ent = kvmalloc_array(nr, sizeof(*ent), GFP_KERNEL | __GFP_ZERO);

	if (!ent)
		return -ENOMEM;
	if (probe_only) {
		vfree(ent); /* expect: free-mismatch */
		return 0;
	}
	if (t->ent) {
		kfree(ent); /* expect: free-mismatch */
		return -EBUSY;
	}
	t->ent = ent;
	t->nr = nr;
	return 0;
}

int foo_table_good(struct foo_table *t, unsigned int nr, bool probe_only)
{
	u32 *ent = kvmalloc_array(nr, sizeof(*ent), GFP_KERNEL | __GFP_ZERO);

	if (!ent)
		return -ENOMEM;
	if (probe_only) {
		kvfree(ent);
		return 0;
	}
	if (t->ent) {
		kvfree(ent);
		return -EBUSY;
	}
	t->ent = ent;
	t->nr = nr;
	return 0;
}

MODULE_LICENSE("GPL");
