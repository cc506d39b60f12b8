// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the check goes through `!!p`, as in
 * `bool ok = !!p; if (!ok) return -ENOMEM;` or `if (!!p)`. foo_bad()
 * computes the flag and only logs when it is false.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_wq_item {
	int op;
};

struct foo_priv {
	struct foo_wq_item *item;
	bool have_item;
};

int foo_item_bad(struct foo_priv *priv, int op)
{
	struct foo_wq_item *item = kmalloc(sizeof(*item), GFP_KERNEL);
	bool ok = !!item;

	if (!ok)
		pr_debug("foo: no work item\n");
	item->op = op; /* expect: unchecked-alloc */
	priv->item = item;
	return 0;
}

int foo_item_good(struct foo_priv *priv, int op)
{
	struct foo_wq_item *item = kmalloc(sizeof(*item), GFP_KERNEL);
	bool ok = !!item;

	if (!ok)
		return -ENOMEM;
	item->op = op;
	priv->item = item;
	return 0;
}

void foo_item_good_inline(struct foo_priv *priv, int op)
{
	struct foo_wq_item *item = kmalloc(sizeof(*item), GFP_KERNEL);

	if (!!item)
		item->op = op;
	priv->have_item = !!item;
	priv->item = item;
}

MODULE_LICENSE("GPL");
