// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free: a helper reaches the memory only for some values of a
 * parameter the caller passes as a constant.  mlx4's
 * mlx4_free_resource_tracker(dev, type) walks the slaves' resources (and
 * through them dev->xrcd_bitmap) only when type != RES_TR_FREE_STRUCTS_ONLY;
 * mlx4_cleanup_xrcd_table() has freed the bitmap before the call with
 * RES_TR_FREE_STRUCTS_ONLY, which only frees the tracker's own arrays.
 * The helper's summary says under which value of $1 it dereferences
 * $0->bitmap, and the call's constant does not meet it.
 * foo_teardown_bad() passes FOO_FREE_ALL: the walk does run.
 */
#include <linux/module.h>
#include <linux/slab.h>

enum foo_free_type { FOO_FREE_ALL, FOO_FREE_SLAVES_ONLY, FOO_FREE_STRUCTS_ONLY };

struct foo_slave { int id; };
struct foo_dev {
	unsigned long *bitmap;
	struct foo_slave *slaves;
	int nslaves;
};

static void foo_del_slave(struct foo_dev *dev, int i)
{
	dev->bitmap[i / BITS_PER_LONG] &= ~BIT(i % BITS_PER_LONG);
	dev->slaves[i].id = 0;
}

static void foo_free_tracker(struct foo_dev *dev, enum foo_free_type type)
{
	int i;

	if (!dev->slaves)
		return;
	if (type != FOO_FREE_STRUCTS_ONLY)
		for (i = 0; i < dev->nslaves; i++)
			foo_del_slave(dev, i);
	if (type != FOO_FREE_SLAVES_ONLY) {
		kfree(dev->slaves);
		dev->slaves = NULL;
	}
}

void foo_teardown(struct foo_dev *dev)
{
	foo_free_tracker(dev, FOO_FREE_SLAVES_ONLY);
	kfree(dev->bitmap);
	foo_free_tracker(dev, FOO_FREE_STRUCTS_ONLY);
}

void foo_teardown_bad(struct foo_dev *dev)
{
	kfree(dev->bitmap);
	foo_free_tracker(dev, FOO_FREE_ALL); /* expect: use-after-free:medium */
}
MODULE_LICENSE("GPL");
