// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/mellanox/mlx4/qp.c,
 * mlx4_create_zones()): a block allocated as a pointer to an array,
 * struct foo_bitmap (*bitmap)[N], is kept as qp_table->bitmap_gen =
 * *bitmap.  The array *bitmap decays to its address, the block's own:
 * the store hands the block over.  foo_create_good() is silent;
 * foo_create_bad() returns before the store on an error and leaks it.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_ZONES 4

struct foo_bitmap {
	unsigned long *table;
	u32 max;
};

struct foo_qp_table {
	struct foo_bitmap *bitmap_gen;
	int nzones;
};

static int foo_bitmap_init(struct foo_bitmap *b, u32 max)
{
	if (!max)
		return -EINVAL;
	b->max = max;
	return 0;
}

int foo_create_good(struct foo_qp_table *qp_table, u32 max)
{
	struct foo_bitmap (*bitmap)[FOO_ZONES];
	int k, err;

	bitmap = kmalloc(sizeof(*bitmap), GFP_KERNEL);
	if (!bitmap)
		return -ENOMEM;
	for (k = 0; k < FOO_ZONES; k++) {
		err = foo_bitmap_init(*bitmap + k, max);
		if (err)
			goto free_bitmap;
		(*bitmap)[k].table = NULL;
	}
	qp_table->bitmap_gen = *bitmap;
	return 0;

free_bitmap:
	kfree(bitmap);
	return err;
}
EXPORT_SYMBOL_GPL(foo_create_good);

int foo_create_bad(struct foo_qp_table *qp_table, u32 max)
{
	struct foo_bitmap (*bitmap)[FOO_ZONES];
	int err;

	bitmap = kmalloc(sizeof(*bitmap), GFP_KERNEL);
	if (!bitmap)
		return -ENOMEM;
	err = foo_bitmap_init(*bitmap, max);
	if (err)
		return err; /* expect: alloc-leak */
	qp_table->bitmap_gen = *bitmap;
	return 0;
}
EXPORT_SYMBOL_GPL(foo_create_bad);
MODULE_LICENSE("GPL");
