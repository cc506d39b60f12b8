// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc and a lookup-or-add helper that fails with ERR_PTR()
 * (UBI's find_or_add_av(): NULL only when the flags ask for a lookup
 * and the entry is absent, ERR_PTR(-ENOMEM) when kzalloc() fails;
 * ubi_find_or_add_av() passes AV_FIND_OR_ADD and its callers test
 * IS_ERR()).  The wrapper's NULL is the helper's "none", not a failed
 * allocation.  foo_add_bad() goes through a helper that returns NULL when
 * kzalloc() fails.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>

#define FOO_FIND	1
#define FOO_ADD		2
#define FOO_FIND_OR_ADD	(FOO_FIND | FOO_ADD)

struct foo_vol {
	int id;
	int leb_count;
};

struct foo_info {
	struct foo_vol *vols[16];
};

static struct foo_vol *foo_find_or_add(struct foo_info *ai, int id,
				       unsigned int flags)
{
	struct foo_vol *v;

	if (ai->vols[id & 15]) {
		if (!(flags & FOO_FIND))
			return ERR_PTR(-EEXIST);
		return ai->vols[id & 15];
	}
	if (!(flags & FOO_ADD))
		return NULL;
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return ERR_PTR(-ENOMEM);
	v->id = id;
	ai->vols[id & 15] = v;
	return v;
}

static struct foo_vol *foo_find_or_add_null(struct foo_info *ai, int id)
{
	struct foo_vol *v;

	if (ai->vols[id & 15])
		return ai->vols[id & 15];
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return NULL;
	v->id = id;
	ai->vols[id & 15] = v;
	return v;
}

static struct foo_vol *foo_get_vol(struct foo_info *ai, int id)
{
	return foo_find_or_add(ai, id, FOO_FIND_OR_ADD);
}

int foo_add(struct foo_info *ai, int id);
int foo_add(struct foo_info *ai, int id)
{
	struct foo_vol *v = foo_get_vol(ai, id);

	if (IS_ERR(v))
		return PTR_ERR(v);
	v->leb_count += 1;
	return 0;
}

int foo_add_bad(struct foo_info *ai, int id);
int foo_add_bad(struct foo_info *ai, int id)
{
	struct foo_vol *v = foo_find_or_add_null(ai, id);

	if (IS_ERR(v))
		return PTR_ERR(v);
	v->leb_count += 1;	/* expect: unchecked-alloc */
	return 0;
}

MODULE_LICENSE("GPL");
