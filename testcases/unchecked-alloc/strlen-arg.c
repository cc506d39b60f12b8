// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the string copied by kstrdup() is passed to strlen()
 * without a check.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_priv {
	char *label;
	size_t label_len;
};

int foo_set_label_bad(struct foo_priv *priv, const char *label)
{
	char *copy = kstrdup(label, GFP_KERNEL);

	priv->label_len = strlen(copy); /* expect: unchecked-alloc */
	priv->label = copy;
	return 0;
}

int foo_set_label_good(struct foo_priv *priv, const char *label)
{
	char *copy = kstrdup(label, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	priv->label_len = strlen(copy);
	priv->label = copy;
	return 0;
}

MODULE_LICENSE("GPL");
