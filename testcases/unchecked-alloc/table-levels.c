// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc in a table walked level by level, allocating a missing
 * level on the way (iommu_v2.c __get_pasid_state_ptr()).  At each level
 * ptr = &root[index] points into the last level's page when the next
 * level's page is allocated at the same call site: the store *ptr = page
 * writes into the old page, which was checked.  foo_slot_good() checks
 * each new page; foo_slot_bad() does not, and its next level reads the
 * new page through root[index].
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct foo_state;

struct foo_dev {
	int levels;
	struct foo_state **states;
};

struct foo_state **foo_slot_good(struct foo_dev *d, u32 id, bool alloc)
{
	struct foo_state **root, **ptr;
	int level, index;

	level = d->levels;
	root = d->states;
	while (true) {
		index = (id >> (9 * level)) & 0x1ff;
		ptr = &root[index];
		if (level == 0)
			break;
		if (*ptr == NULL) {
			if (!alloc)
				return NULL;
			*ptr = (void *)get_zeroed_page(GFP_ATOMIC);
			if (*ptr == NULL)
				return NULL;
		}
		root = (struct foo_state **)*ptr;
		level -= 1;
	}
	return ptr;
}

struct foo_state **foo_slot_bad(struct foo_dev *d, u32 id)
{
	struct foo_state **root, **ptr;
	int level, index;

	level = d->levels;
	root = d->states;
	while (true) {
		index = (id >> (9 * level)) & 0x1ff;
		ptr = &root[index];
		if (level == 0)
			break;
		if (*ptr == NULL) /* expect: unchecked-alloc */
			*ptr = (void *)get_zeroed_page(GFP_ATOMIC);
		root = (struct foo_state **)*ptr;
		level -= 1;
	}
	return ptr;
}

MODULE_LICENSE("GPL");
