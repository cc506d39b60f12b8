// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kstrdup() copy indexed without a check.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/ctype.h>

struct foo_priv {
	char *model;
};

int foo_set_model_bad(struct foo_priv *priv, const char *model)
{
	char *copy = kstrdup(model, GFP_KERNEL);

	copy[0] = toupper(copy[0]); /* expect: unchecked-alloc */
	priv->model = copy;
	return 0;
}

int foo_set_model_good(struct foo_priv *priv, const char *model)
{
	char *copy = kstrdup(model, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	copy[0] = toupper(copy[0]);
	priv->model = copy;
	return 0;
}

MODULE_LICENSE("GPL");
