// SPDX-License-Identifier: GPL-2.0
/*
 * kzalloc(GFP_KERNEL) with a spinlock held: the allocation may sleep.
 * Twins: GFP_ATOMIC under the lock, and GFP_KERNEL before the lock.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/list.h>

struct foo_item {
	struct list_head node;
	int val;
};

struct foo_dev {
	spinlock_t lock;
	struct list_head items;
};

int foo_add_bad(struct foo_dev *fd, int val)
{
	struct foo_item *it;

	spin_lock(&fd->lock);
	it = kzalloc(sizeof(*it), GFP_KERNEL); /* expect: sleep-in-atomic:high */
	if (!it) {
		spin_unlock(&fd->lock);
		return -ENOMEM;
	}
	it->val = val;
	list_add(&it->node, &fd->items);
	spin_unlock(&fd->lock);
	return 0;
}

int foo_add_atomic(struct foo_dev *fd, int val)
{
	struct foo_item *it;

	spin_lock(&fd->lock);
	it = kzalloc(sizeof(*it), GFP_ATOMIC);
	if (!it) {
		spin_unlock(&fd->lock);
		return -ENOMEM;
	}
	it->val = val;
	list_add(&it->node, &fd->items);
	spin_unlock(&fd->lock);
	return 0;
}

int foo_add_good(struct foo_dev *fd, int val)
{
	struct foo_item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	it->val = val;
	spin_lock(&fd->lock);
	list_add(&it->node, &fd->items);
	spin_unlock(&fd->lock);
	return 0;
}
MODULE_LICENSE("GPL");
