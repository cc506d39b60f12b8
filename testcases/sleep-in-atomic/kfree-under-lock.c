// SPDX-License-Identifier: GPL-2.0
/*
 * Correct code only: kfree() and kmem_cache_free() never sleep, under a
 * spinlock or in an irq handler.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/list.h>

struct foo_item {
	struct list_head node;
};

struct foo_dev {
	spinlock_t lock;
	struct list_head items;
	void *scratch;
	int irq;
};

void foo_flush(struct foo_dev *fd)
{
	struct foo_item *it, *tmp;
	unsigned long flags;

	spin_lock_irqsave(&fd->lock, flags);
	list_for_each_entry_safe(it, tmp, &fd->items, node) {
		list_del(&it->node);
		kfree(it);
	}
	spin_unlock_irqrestore(&fd->lock, flags);
}

static irqreturn_t foo_irq(int irq, void *data)
{
	struct foo_dev *fd = data;

	kfree(fd->scratch);
	fd->scratch = NULL;
	return IRQ_HANDLED;
}

int foo_setup(struct foo_dev *fd)
{
	return request_irq(fd->irq, foo_irq, 0, "foo", fd);
}
MODULE_LICENSE("GPL");
