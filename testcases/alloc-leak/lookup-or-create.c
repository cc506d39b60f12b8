// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (nfp flower/conntrack.c, nfp_ct_do_tc_merge() and
 * nfp_ct_do_nft_merge() with get_hashentry()): a helper returns the entry
 * a hash table already holds, or a fresh zeroed one when the lookup
 * misses.  Both are non-NULL: the caller cannot tell them apart by the
 * result, and tells them apart by data (here the entry's cookie, zero in
 * a fresh one).  Leaving without the entry on the "already there" branch
 * loses nothing the engine can prove was made.  The bad twins call a
 * helper that always allocates, and leave the same way, or call the
 * lookup-or-create helper and make no decision a way out depends on
 * (min() comes back to one place): the fresh entry leaks.  Known limit
 * (docs/limits.md): a caller of the lookup-or-create helper that leaves
 * on an error without the entry leaks the fresh one, and is not reported
 * either.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/minmax.h>

struct foo_entry {
	struct list_head node;
	unsigned long cookie[2];
};

struct foo_table {
	struct list_head entries;
};

static struct foo_entry *foo_lookup(struct foo_table *t,
				    const unsigned long *cookie)
{
	struct foo_entry *e;

	list_for_each_entry(e, &t->entries, node)
		if (!memcmp(e->cookie, cookie, sizeof(e->cookie)))
			return e;
	return NULL;
}

/* the entry the table holds, or a fresh zeroed one */
static struct foo_entry *foo_get_entry(struct foo_table *t,
				       const unsigned long *cookie)
{
	struct foo_entry *e;

	e = foo_lookup(t, cookie);
	if (e)
		return e;
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return ERR_PTR(-ENOMEM);
	return e;
}

/* always a fresh zeroed one */
static struct foo_entry *foo_new_entry(void)
{
	struct foo_entry *e;

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return ERR_PTR(-ENOMEM);
	return e;
}

int foo_merge_good(struct foo_table *t, unsigned long a, unsigned long b)
{
	unsigned long cookie[2] = { a, b };
	struct foo_entry *e;

	e = foo_get_entry(t, cookie);
	if (IS_ERR(e))
		return PTR_ERR(e);
	/* already there: nothing to merge */
	if (!memcmp(cookie, e->cookie, sizeof(cookie)))
		return 0;
	memcpy(e->cookie, cookie, sizeof(cookie));
	list_add(&e->node, &t->entries);
	return 0;
}

int foo_merge_bad(struct foo_table *t, unsigned long a, unsigned long b)
{
	unsigned long cookie[2] = { a, b };
	struct foo_entry *e;

	e = foo_new_entry();
	if (IS_ERR(e))
		return PTR_ERR(e);
	if (!memcmp(cookie, e->cookie, sizeof(cookie))) /* expect-note: alloc-leak */
		return 0; /* expect: alloc-leak */
	memcpy(e->cookie, cookie, sizeof(cookie));
	list_add(&e->node, &t->entries);
	return 0;
}

/* the lookup-or-create helper, and no decision after it but one both
 * ways come back from: the fresh entry leaks whatever the data */
int foo_touch_bad(struct foo_table *t, unsigned long a, unsigned long b)
{
	unsigned long cookie[2] = { a, b };
	struct foo_entry *e;

	e = foo_get_entry(t, cookie);
	if (IS_ERR(e))
		return PTR_ERR(e);
	e->cookie[0] = min(a, b);
	return 0; /* expect: alloc-leak */
}

/* a helper that always allocates: a leak on an error return */
int foo_attach_bad(struct foo_table *t, unsigned long a, int err)
{
	struct foo_entry *e;

	e = foo_new_entry();
	if (IS_ERR(e))
		return PTR_ERR(e);
	e->cookie[0] = a;
	if (err) /* expect-note: alloc-leak */
		return err; /* expect: alloc-leak */
	list_add(&e->node, &t->entries);
	return 0;
}

MODULE_LICENSE("GPL");
