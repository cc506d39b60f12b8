// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc across functions, through an element of an array of
 * structs reached by its address (res = &priv->res[i]), the shape of
 * mlx4_init_resource_tracker(): two tables are allocated per element
 * and tested together; a failure jumps to an unwind loop that frees
 * every element's tables.  On that path the first table is never tested
 * and the engine loses sight of it when i restarts at 0, but the
 * function returns -ENOMEM: nothing will read the field, no finding.
 * foo_tables_bad() tests only one table and returns success, so the
 * other can be NULL when foo_grant() indexes it.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_NR_RES	4

struct foo_res {
	int *quota;
	int *used;
};

struct foo_priv {
	struct foo_res res[FOO_NR_RES];
	int nr_vfs;
};

int foo_grant(struct foo_priv *priv, int r, int vf)
{
	struct foo_res *res = &priv->res[r];

	if (res->used[vf] >= res->quota[vf])
		return -EBUSY;
	res->used[vf]++;
	return 0;
}

int foo_tables_good(struct foo_priv *priv)
{
	int i;

	for (i = 0; i < FOO_NR_RES; i++) {
		struct foo_res *res = &priv->res[i];

		res->quota = kcalloc(priv->nr_vfs, sizeof(int), GFP_KERNEL);
		res->used = kcalloc(priv->nr_vfs, sizeof(int), GFP_KERNEL);
		if (!res->quota || !res->used)
			goto err_free;
	}
	return 0;

err_free:
	for (i = 0; i < FOO_NR_RES; i++) {
		kfree(priv->res[i].quota);
		priv->res[i].quota = NULL;
		kfree(priv->res[i].used);
		priv->res[i].used = NULL;
	}
	return -ENOMEM;
}

struct foo_bad_res {
	int *quota;
	int *used;
};

struct foo_bad_priv {
	struct foo_bad_res res[FOO_NR_RES];
	int nr_vfs;
};

int foo_bad_grant(struct foo_bad_priv *priv, int r, int vf)
{
	struct foo_bad_res *res = &priv->res[r];

	if (res->used[vf] >= res->quota[vf])
		return -EBUSY;
	res->used[vf]++;
	return 0;
}

int foo_tables_bad(struct foo_bad_priv *priv)
{
	int i;

	for (i = 0; i < FOO_NR_RES; i++) {
		struct foo_bad_res *res = &priv->res[i];

		res->quota = kcalloc(priv->nr_vfs, sizeof(int), GFP_KERNEL);
		res->used = kcalloc(priv->nr_vfs, sizeof(int), GFP_KERNEL); /* expect: unchecked-alloc */
		if (!res->quota)
			goto err_free;
	}
	return 0;

err_free:
	while (i--) {
		kfree(priv->res[i].quota);
		kfree(priv->res[i].used);
	}
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
