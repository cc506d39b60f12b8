// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch across functions: foo_bad_start() stores kmalloc_array()
 * memory in dev->stats (the code used to use vmalloc) and foo_bad_stop()
 * still releases it with vfree(). The finding belongs on the free in
 * stop. The good pair uses kfree(). Separate struct types.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct foo_bad_dev {
	u64 *stats;
	unsigned int nr;
};

struct foo_good_dev {
	u64 *stats;
	unsigned int nr;
};

int foo_bad_start(struct foo_bad_dev *dev, unsigned int nr)
{
	dev->stats = kmalloc_array(nr, sizeof(*dev->stats), GFP_KERNEL);
	if (!dev->stats)
		return -ENOMEM;
	dev->nr = nr;
	return 0;
}

void foo_bad_stop(struct foo_bad_dev *dev)
{
	vfree(dev->stats); /* expect: free-mismatch */
	dev->stats = NULL;
	dev->nr = 0;
}

int foo_good_start(struct foo_good_dev *dev, unsigned int nr)
{
	dev->stats = kmalloc_array(nr, sizeof(*dev->stats), GFP_KERNEL);
	if (!dev->stats)
		return -ENOMEM;
	dev->nr = nr;
	return 0;
}

void foo_good_stop(struct foo_good_dev *dev)
{
	kfree(dev->stats);
	dev->stats = NULL;
	dev->nr = 0;
}

MODULE_LICENSE("GPL");
