// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: one allocation per loop iteration. foo_good() checks
 * each one and unwinds the ones already made; foo_bad() checks none.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_NR_SLOTS	4

struct foo_slot {
	int index;
};

struct foo_priv {
	struct foo_slot *slot[FOO_NR_SLOTS];
};

int foo_slots_bad(struct foo_priv *priv)
{
	int i;

	for (i = 0; i < FOO_NR_SLOTS; i++) {
		priv->slot[i] = kzalloc(sizeof(*priv->slot[i]), GFP_KERNEL);
		priv->slot[i]->index = i; /* expect: unchecked-alloc */
	}
	return 0;
}

int foo_slots_good(struct foo_priv *priv)
{
	int i;

	for (i = 0; i < FOO_NR_SLOTS; i++) {
		priv->slot[i] = kzalloc(sizeof(*priv->slot[i]), GFP_KERNEL);
		if (!priv->slot[i])
			goto err_unwind;
		priv->slot[i]->index = i;
	}
	return 0;

err_unwind:
	while (i--) {
		kfree(priv->slot[i]);
		priv->slot[i] = NULL;
	}
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
