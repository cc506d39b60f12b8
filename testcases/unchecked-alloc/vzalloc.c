// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: vzalloc() of a large lookup table, member written
 * without a check.
 */
#include <linux/module.h>
#include <linux/vmalloc.h>

#define FOO_LUT_SIZE	65536

struct foo_lut {
	unsigned int users;
	u16 map[FOO_LUT_SIZE];
};

struct foo_priv {
	struct foo_lut *lut;
};

int foo_lut_bad(struct foo_priv *priv)
{
	struct foo_lut *lut = vzalloc(sizeof(*lut));

	lut->users = 1; /* expect: unchecked-alloc */
	priv->lut = lut;
	return 0;
}

int foo_lut_good(struct foo_priv *priv)
{
	struct foo_lut *lut = vzalloc(sizeof(*lut));

	if (!lut)
		return -ENOMEM;
	lut->users = 1;
	priv->lut = lut;
	return 0;
}

void foo_lut_free(struct foo_priv *priv)
{
	vfree(priv->lut);
	priv->lut = NULL;
}

MODULE_LICENSE("GPL");
