// SPDX-License-Identifier: GPL-2.0
/*
 * __GFP_NOFAIL, read from the same mask: the allocation cannot fail (no
 * unchecked-alloc for the use without a check), but it still may sleep:
 * under a spinlock it is a bug.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t lock;
	int *vals;
	int n;
};

void foo_append_bad(struct foo_dev *fd, int x)
{
	int *p;

	spin_lock(&fd->lock);
	p = krealloc(fd->vals, (fd->n + 1) * sizeof(*p), GFP_KERNEL | __GFP_NOFAIL); /* expect: sleep-in-atomic */
	p[fd->n++] = x;
	fd->vals = p;
	spin_unlock(&fd->lock);
}

void foo_append_good(struct foo_dev *fd, int x)
{
	int *p;

	p = krealloc(fd->vals, (fd->n + 1) * sizeof(*p), GFP_KERNEL | __GFP_NOFAIL);
	p[fd->n] = x;
	spin_lock(&fd->lock);
	fd->vals = p;
	fd->n++;
	spin_unlock(&fd->lock);
}
MODULE_LICENSE("GPL");
