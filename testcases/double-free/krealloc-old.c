// SPDX-License-Identifier: GPL-2.0
/*
 * double-free after krealloc(): on success krealloc() has already freed
 * the old block (or returned it unchanged), so foo_grow_bad()'s kfree() of
 * the old pointer frees it a second time (or frees the block it has just
 * stored in log->ent). The good twin frees the old pointer only when
 * krealloc_array() failed.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_log {
	u32 *ent;
	unsigned int nr;
};

int foo_grow_bad(struct foo_log *log, u32 val)
{
	u32 *old = log->ent;
	u32 *ent = krealloc_array(old, log->nr + 1, sizeof(*ent), GFP_KERNEL);

	if (!ent) {
		kfree(old);
		log->ent = NULL;
		log->nr = 0;
		return -ENOMEM;
	}
	ent[log->nr++] = val;
	log->ent = ent;
	kfree(old); /* expect: double-free */
	return 0;
}

int foo_grow_good(struct foo_log *log, u32 val)
{
	u32 *old = log->ent;
	u32 *ent = krealloc_array(old, log->nr + 1, sizeof(*ent), GFP_KERNEL);

	if (!ent) {
		kfree(old);
		log->ent = NULL;
		log->nr = 0;
		return -ENOMEM;
	}
	ent[log->nr++] = val;
	log->ent = ent;
	return 0;
}

MODULE_LICENSE("GPL");
