// SPDX-License-Identifier: GPL-2.0
/*
 * Nested locks: releasing the inner lock leaves the outer one held.  The
 * allocation is atomic until both are released.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t outer;
	rwlock_t table;
	int n;
	void *buf;
};

int foo_resize_bad(struct foo_dev *fd)
{
	unsigned long flags;
	void *p;
	int n;

	spin_lock_irqsave(&fd->outer, flags);
	write_lock(&fd->table);
	n = fd->n;
	write_unlock(&fd->table);
	p = kcalloc(n, 8, GFP_KERNEL); /* expect: sleep-in-atomic */
	fd->buf = p;
	spin_unlock_irqrestore(&fd->outer, flags);
	return p ? 0 : -ENOMEM;
}

int foo_resize_good(struct foo_dev *fd)
{
	unsigned long flags;
	void *p;
	int n;

	spin_lock_irqsave(&fd->outer, flags);
	read_lock(&fd->table);
	n = fd->n;
	read_unlock(&fd->table);
	spin_unlock_irqrestore(&fd->outer, flags);
	p = kcalloc(n, 8, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	spin_lock_irqsave(&fd->outer, flags);
	fd->buf = p;
	spin_unlock_irqrestore(&fd->outer, flags);
	return 0;
}
MODULE_LICENSE("GPL");
