// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free: as param-guard.c, but the helper the walk calls reaches
 * the memory only in a mode of the device (mlx4: priv->steer, read by
 * the slave walk's callees only in device-managed steering mode).  The
 * tracker's summary has the callee's mode guard and its own parameter
 * guard (type != FOO_FREE_STRUCTS_ONLY); the parameter is the one its
 * callers decide, with the constant they pass: foo_teardown() frees the
 * table and then passes FOO_FREE_STRUCTS_ONLY (silent), foo_teardown_bad()
 * passes FOO_FREE_ALL (reported).
 */
#include <linux/module.h>
#include <linux/slab.h>

enum foo_free_type { FOO_FREE_ALL, FOO_FREE_SLAVES_ONLY, FOO_FREE_STRUCTS_ONLY };

#define FOO_MODE_DMFS	0x4

struct foo_steer { int rules; };
struct foo_dev {
	unsigned int mode;
	struct foo_steer *steer;
	int *slaves;
	int nslaves;
};

static void foo_del_rules(struct foo_dev *dev, int i)
{
	if (dev->mode & FOO_MODE_DMFS)
		dev->steer[i].rules = 0;
	dev->slaves[i] = 0;
}

static void foo_free_tracker(struct foo_dev *dev, enum foo_free_type type)
{
	int i;

	if (!dev->slaves)
		return;
	if (type != FOO_FREE_STRUCTS_ONLY)
		for (i = 0; i < dev->nslaves; i++)
			foo_del_rules(dev, i);
	if (type != FOO_FREE_SLAVES_ONLY) {
		kfree(dev->slaves);
		dev->slaves = NULL;
	}
}

void foo_teardown(struct foo_dev *dev);
void foo_teardown(struct foo_dev *dev)
{
	foo_free_tracker(dev, FOO_FREE_SLAVES_ONLY);
	kfree(dev->steer);
	foo_free_tracker(dev, FOO_FREE_STRUCTS_ONLY);
}

void foo_teardown_bad(struct foo_dev *dev);
void foo_teardown_bad(struct foo_dev *dev)
{
	kfree(dev->steer);
	foo_free_tracker(dev, FOO_FREE_ALL); /* expect: use-after-free */
}
MODULE_LICENSE("GPL");
