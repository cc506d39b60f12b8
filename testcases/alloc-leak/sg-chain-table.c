// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (iwlwifi fw/dbg.c alloc_sgtable()): scatterlist tables
 * allocated one page at a time and chained with sg_chain(), which
 * stores the next table into the last entry of the previous one as a
 * tagged address, ((unsigned long)sgl | SG_CHAIN) & ~SG_END.  Clearing
 * a low tag bit keeps the address, so each new table is held by the
 * previous one and the chain by its first table, which is returned.
 * foo_alloc_chain() is silent; foo_alloc_chain_bad() forgets to chain
 * the tables after the first.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/scatterlist.h>

#define FOO_PER_TABLE 16

struct foo_ops {
	void (*free_chain)(struct scatterlist *sgl);	/* frees each table */
};

struct scatterlist *foo_alloc_chain(const struct foo_ops *ops, int nents)
{
	struct scatterlist *result = NULL, *prev = NULL, *new;
	int n_prev = 0;

	while (nents > 0) {
		int n_alloc = nents > FOO_PER_TABLE ? FOO_PER_TABLE : nents;

		nents -= n_alloc > 1 ? n_alloc - 1 : n_alloc;
		new = kcalloc(n_alloc, sizeof(*new), GFP_KERNEL);
		if (!new) {
			if (result)
				ops->free_chain(result);
			return NULL;
		}
		sg_init_table(new, n_alloc);
		if (!result)
			result = new;
		else
			sg_chain(prev, n_prev, new);
		prev = new;
		n_prev = n_alloc;
	}
	return result;
}

struct scatterlist *foo_alloc_chain_bad(const struct foo_ops *ops,
					int nents)
{
	struct scatterlist *result = NULL, *new;

	while (nents > 0) { /* expect: alloc-leak */
		int n_alloc = nents > FOO_PER_TABLE ? FOO_PER_TABLE : nents;

		nents -= n_alloc > 1 ? n_alloc - 1 : n_alloc;
		new = kcalloc(n_alloc, sizeof(*new), GFP_KERNEL);
		if (!new) {
			if (result)
				ops->free_chain(result);
			return NULL;
		}
		sg_init_table(new, n_alloc);
		if (!result)
			result = new;
	}
	return result;
}

MODULE_LICENSE("GPL");
