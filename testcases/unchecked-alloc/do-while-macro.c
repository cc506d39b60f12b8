// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the driver's own `do { } while (0)` macros. One returns
 * -ENOMEM on NULL (a check); the other only logs and goes on (not one).
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_RETURN_IF_NULL(p)						\
	do {								\
		if (!(p))						\
			return -ENOMEM;					\
	} while (0)

#define FOO_WARN_IF_NULL(p)						\
	do {								\
		if (!(p))						\
			pr_warn("foo: %s is NULL\n", #p);		\
	} while (0)

struct foo_vec {
	unsigned int nr;
	u32 val[8];
};

struct foo_priv {
	struct foo_vec *vec;
};

int foo_vec_bad(struct foo_priv *priv)
{
	struct foo_vec *vec = kmalloc(sizeof(*vec), GFP_KERNEL);

	FOO_WARN_IF_NULL(vec);
	vec->nr = 0; /* expect: unchecked-alloc */
	priv->vec = vec;
	return 0;
}

int foo_vec_good(struct foo_priv *priv)
{
	struct foo_vec *vec = kmalloc(sizeof(*vec), GFP_KERNEL);

	FOO_RETURN_IF_NULL(vec);
	vec->nr = 0;
	priv->vec = vec;
	return 0;
}

MODULE_LICENSE("GPL");
