// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the unchecked buffer is the destination of strcpy().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FOO_NAME_LEN	32

struct foo_priv {
	char *name;
};

int foo_set_name_bad(struct foo_priv *priv)
{
	char *name = kmalloc(FOO_NAME_LEN, GFP_KERNEL);

	strcpy(name, "foo-default"); /* expect: unchecked-alloc */
	priv->name = name;
	return 0;
}

int foo_set_name_good(struct foo_priv *priv)
{
	char *name = kmalloc(FOO_NAME_LEN, GFP_KERNEL);

	if (!name)
		return -ENOMEM;
	strcpy(name, "foo-default");
	priv->name = name;
	return 0;
}

MODULE_LICENSE("GPL");
