// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch must stay silent: one field, two stores of different
 * families in two functions (kmalloc() for a small table, vmalloc() for a
 * large one), and the release picks the matching function from the flag
 * stored with it (foo_tbl_free()) or uses kvfree() (foo_tbl_reset()). The
 * engine cannot tell which store reaches a release: no finding. Correct
 * code only.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct foo_tbl {
	u32 *ent;
	bool vmalloced;
};

int foo_tbl_alloc_small(struct foo_tbl *t, unsigned int nr)
{
	t->ent = kcalloc(nr, sizeof(*t->ent), GFP_KERNEL);
	if (!t->ent)
		return -ENOMEM;
	t->vmalloced = false;
	return 0;
}

int foo_tbl_alloc_large(struct foo_tbl *t, unsigned int nr)
{
	t->ent = vcalloc(nr, sizeof(*t->ent));
	if (!t->ent)
		return -ENOMEM;
	t->vmalloced = true;
	return 0;
}

void foo_tbl_free(struct foo_tbl *t)
{
	if (t->vmalloced)
		vfree(t->ent);
	else
		kfree(t->ent);
	t->ent = NULL;
}

void foo_tbl_reset(struct foo_tbl *t)
{
	kvfree(t->ent);
	t->ent = NULL;
	t->vmalloced = false;
}

MODULE_LICENSE("GPL");
