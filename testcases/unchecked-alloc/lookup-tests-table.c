// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: a table that may be NULL (firmware without one) is
 * handed to a reader whose lookup returns NULL when the table is NULL,
 * and an element's address otherwise (nfp's nfp_rtsym_lookup() and
 * nfp_rtsym_read_le()).  The reader touches the table only after the
 * lookup found an element, so it never dereferences a NULL table: a
 * non-NULL result (&tbl->symtab[n] of a table known not NULL) says the
 * table was not NULL.  foo_sym_read_bad() looks up without a test of the
 * table first, so it does dereference a NULL one.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_sym {
	const char *name;
	u32 addr;
};

struct foo_tbl {
	u32 base;
	int num;
	struct foo_sym symtab[];
};

static const struct foo_sym *foo_sym_lookup(struct foo_tbl *tbl,
					    const char *name)
{
	int n;

	if (!tbl)
		return NULL;
	for (n = 0; n < tbl->num; n++)
		if (!strcmp(name, tbl->symtab[n].name))
			return &tbl->symtab[n];
	return NULL;
}

static u32 foo_sym_read(struct foo_tbl *tbl, const char *name, int *err)
{
	const struct foo_sym *sym = foo_sym_lookup(tbl, name);

	if (!sym) {
		*err = -ENOENT;
		return 0;
	}
	*err = 0;
	return tbl->base + sym->addr;
}

static const struct foo_sym *foo_sym_lookup_unguarded(struct foo_tbl *tbl,
						      const char *name)
{
	int n;

	for (n = 0; n < tbl->num; n++)
		if (!strcmp(name, tbl->symtab[n].name))
			return &tbl->symtab[n];
	return NULL;
}

static u32 foo_sym_read_bad(struct foo_tbl *tbl, const char *name, int *err)
{
	const struct foo_sym *sym = foo_sym_lookup_unguarded(tbl, name);

	if (!sym) {
		*err = -ENOENT;
		return 0;
	}
	*err = 0;
	return tbl->base + sym->addr;
}

static struct foo_tbl *foo_tbl_read(int n)
{
	return kzalloc(sizeof(struct foo_tbl) + n * sizeof(struct foo_sym), GFP_KERNEL);
}

int foo_limit_good(u32 *limit)
{
	struct foo_tbl *tbl = foo_tbl_read(4);
	int err;

	*limit = foo_sym_read(tbl, "limit", &err);
	kfree(tbl);
	return err == -ENOENT ? 0 : err;
}

int foo_limit_bad(u32 *limit)
{
	struct foo_tbl *tbl = foo_tbl_read(4);
	int err;

	*limit = foo_sym_read_bad(tbl, "limit", &err); /* expect: unchecked-alloc:medium */
	kfree(tbl);
	return err == -ENOENT ? 0 : err;
}

MODULE_LICENSE("GPL");
