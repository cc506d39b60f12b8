// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kasprintf() allocates and may return NULL; strlen() on
 * its result dereferences it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_priv {
	int id;
	char *name;
	size_t name_len;
};

int foo_name_bad(struct foo_priv *priv)
{
	char *name = kasprintf(GFP_KERNEL, "foo%d", priv->id);

	priv->name_len = strlen(name); /* expect: unchecked-alloc */
	priv->name = name;
	return 0;
}

int foo_name_good(struct foo_priv *priv)
{
	char *name = kasprintf(GFP_KERNEL, "foo%d", priv->id);

	if (!name)
		return -ENOMEM;
	priv->name_len = strlen(name);
	priv->name = name;
	return 0;
}

MODULE_LICENSE("GPL");
