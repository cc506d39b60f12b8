// SPDX-License-Identifier: GPL-2.0
/*
 * A rules entry and a summary of the same function add up.  foo_buf_get()
 * is defined here, and rules-and-summary.rules says it is an allocator
 * that may return NULL (what its source cannot say: the buffer comes from
 * a pool).  Its summary says it dereferences its argument.  Both apply at
 * a call: passing an unchecked allocation is a use (the summary), and
 * using its result unchecked is too (the table).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/idr.h>

struct foo_dev {
	int id;
};

struct foo_buf {
	int len;
};

static DEFINE_IDR(foo_pool);

struct foo_buf *foo_buf_get(struct foo_dev *dev)
{
	return idr_find(&foo_pool, dev->id);
}

void foo_buf_put(struct foo_buf *b)
{
	idr_remove(&foo_pool, b->len);
}

int foo_bad(void)
{
	struct foo_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	struct foo_buf *b;

	b = foo_buf_get(dev); /* expect: unchecked-alloc */
	b->len = 1; /* expect: unchecked-alloc */
	foo_buf_put(b);
	kfree(dev);
	return 0;
}

int foo_good(void)
{
	struct foo_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	struct foo_buf *b;

	if (!dev)
		return -ENOMEM;
	b = foo_buf_get(dev);
	if (!b) {
		kfree(dev);
		return -ENOMEM;
	}
	b->len = 1;
	foo_buf_put(b);
	kfree(dev);
	return 0;
}

MODULE_LICENSE("GPL");
