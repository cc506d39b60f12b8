// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak on an early return: the second allocation of foo_pair_bad()
 * fails and the function returns without freeing the first one.
 * foo_pair_good() frees it before returning.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_pair {
	u32 *tx;
	u32 *rx;
};

int foo_pair_bad(struct foo_pair *fp)
{
	u32 *tx, *rx;

	tx = kcalloc(16, sizeof(*tx), GFP_KERNEL);
	if (!tx)
		return -ENOMEM;
	rx = kcalloc(16, sizeof(*rx), GFP_KERNEL);
	if (!rx) /* expect-note: alloc-leak */
		return -ENOMEM; /* expect: alloc-leak */
	fp->tx = tx;
	fp->rx = rx;
	return 0;
}

int foo_pair_good(struct foo_pair *fp)
{
	u32 *tx, *rx;

	tx = kcalloc(16, sizeof(*tx), GFP_KERNEL);
	if (!tx)
		return -ENOMEM;
	rx = kcalloc(16, sizeof(*rx), GFP_KERNEL);
	if (!rx) {
		kfree(tx);
		return -ENOMEM;
	}
	fp->tx = tx;
	fp->rx = rx;
	return 0;
}

MODULE_LICENSE("GPL");
