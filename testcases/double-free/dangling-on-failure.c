// SPDX-License-Identifier: GPL-2.0
/*
 * A helper allocates into a field of its caller's struct and, when a
 * second allocation fails, frees the first without clearing the field;
 * the caller's unwind frees the field again.  The bug of mlx5e's
 * arfs_create_groups() before "fix a double-free in
 * arfs_create_groups" (and of kv_parse_power_table()).  foo's helper
 * leaves ft->g dangling; bar's helper sets it to NULL after the free;
 * baz's caller does not free the field on failure.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>

struct foo_ft {
	void **g;
	void *t;
};

static int foo_create_groups(struct foo_ft *ft, int n,
			     const void __user *uarg)
{
	void *in, *cfg;
	int err = 0;

	ft->g = kcalloc(n, sizeof(*ft->g), GFP_KERNEL);
	in = kzalloc(64, GFP_KERNEL);
	if (!in || !ft->g) {
		kfree(ft->g);
		kfree(in);
		return -ENOMEM;
	}
	/* a failure of another kind keeps ft->g: PTR_ERR() of an error
	 * pointer is a -errno too */
	cfg = memdup_user(uarg, 16);
	if (IS_ERR(cfg)) {
		err = PTR_ERR(cfg);
		goto out;
	}
	kfree(cfg);
out:
	kfree(in);
	return err;
}

static int bar_create_groups(struct foo_ft *ft, int n)
{
	void *in;

	ft->g = kcalloc(n, sizeof(*ft->g), GFP_KERNEL);
	in = kzalloc(64, GFP_KERNEL);
	if (!in || !ft->g) {
		kfree(ft->g);
		ft->g = NULL;
		kfree(in);
		return -ENOMEM;
	}
	kfree(in);
	return 0;
}

static void foo_destroy_table(struct foo_ft *ft)
{
	kfree(ft->g);
	kfree(ft->t);
}

int foo_create_table(struct foo_ft *ft, int n, const void __user *uarg)
{
	int err;

	ft->t = kzalloc(16, GFP_KERNEL);
	if (!ft->t)
		return -ENOMEM;
	err = foo_create_groups(ft, n, uarg);
	if (err)
		goto err;
	return 0;
err:
	foo_destroy_table(ft); /* expect: double-free */
	return err;
}
EXPORT_SYMBOL_GPL(foo_create_table);

int bar_create_table(struct foo_ft *ft, int n)
{
	int err;

	ft->t = kzalloc(16, GFP_KERNEL);
	if (!ft->t)
		return -ENOMEM;
	err = bar_create_groups(ft, n);
	if (err)
		goto err;
	return 0;
err:
	foo_destroy_table(ft);
	return err;
}
EXPORT_SYMBOL_GPL(bar_create_table);

int baz_create_table(struct foo_ft *ft, int n, const void __user *uarg)
{
	int err;

	ft->t = kzalloc(16, GFP_KERNEL);
	if (!ft->t)
		return -ENOMEM;
	err = foo_create_groups(ft, n, uarg);
	if (err) {
		kfree(ft->t);
		ft->t = NULL;
		return err;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(baz_create_table);

MODULE_LICENSE("GPL");
