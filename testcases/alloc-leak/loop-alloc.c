// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak with an allocation made in a loop, one entry per iteration,
 * each handed to the device's list.  foo_add_entries_bad() skips an
 * invalid id with `continue` after allocating its entry: that
 * iteration's entry is lost (the next iteration's kzalloc() is another
 * object).  foo_add_entries_good() checks the id first; the entries of
 * earlier iterations are on the list when a later kzalloc() fails.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct foo_entry {
	struct list_head node;
	u32 id;
};

struct foo_dev {
	struct list_head entries;
	u32 max_id;
};

int foo_add_entries_bad(struct foo_dev *fd, const u32 *ids, int n)
{
	struct foo_entry *e;
	int i;

	for (i = 0; i < n; i++) {
		e = kzalloc(sizeof(*e), GFP_KERNEL);
		if (!e)
			return -ENOMEM;
		e->id = ids[i];
		if (e->id > fd->max_id) /* expect-note: alloc-leak */
			continue; /* expect: alloc-leak */
		list_add_tail(&e->node, &fd->entries);
	}
	return 0;
}

int foo_add_entries_good(struct foo_dev *fd, const u32 *ids, int n)
{
	struct foo_entry *e;
	int i;

	for (i = 0; i < n; i++) {
		if (ids[i] > fd->max_id)
			continue;
		e = kzalloc(sizeof(*e), GFP_KERNEL);
		if (!e)
			return -ENOMEM;
		e->id = ids[i];
		list_add_tail(&e->node, &fd->entries);
	}
	return 0;
}

MODULE_LICENSE("GPL");
