// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and the difference of two places found not equal (UBI
 * ubi_resize_volume(): it returns early when reserved_pebs ==
 * vol->reserved_pebs, then pebs = reserved_pebs - vol->reserved_pebs,
 * and the new table is stored under if (pebs > 0) and under
 * if (pebs < 0)).  pebs cannot be 0, so no path keeps the table.
 * foo_resize_bad() has no early return: at pebs == 0 the table leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_tbl {
	int *entries;
};

struct foo_vol {
	struct foo_tbl *tbl;
	int reserved;
	int avail;
};

static void foo_replace(struct foo_vol *vol, struct foo_tbl *t)
{
	kfree(vol->tbl);
	vol->tbl = t;
}

int foo_resize(struct foo_vol *vol, int reserved);
int foo_resize(struct foo_vol *vol, int reserved)
{
	struct foo_tbl *t;
	int pebs;

	if (reserved == vol->reserved)
		return 0;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	pebs = reserved - vol->reserved;
	if (pebs > 0) {
		vol->avail -= pebs;
		foo_replace(vol, t);
	}
	if (pebs < 0) {
		vol->avail += -pebs;
		foo_replace(vol, t);
	}
	vol->reserved = reserved;
	return 0;
}

int foo_resize_bad(struct foo_vol *vol, int reserved);
int foo_resize_bad(struct foo_vol *vol, int reserved)
{
	struct foo_tbl *t;
	int pebs;

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	pebs = reserved - vol->reserved;
	if (pebs > 0) {
		vol->avail -= pebs;
		foo_replace(vol, t);
	}
	if (pebs < 0) {
		vol->avail += -pebs;
		foo_replace(vol, t);
	}
	vol->reserved = reserved;
	return 0;	/* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
