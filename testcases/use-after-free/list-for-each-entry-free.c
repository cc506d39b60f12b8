// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free in a list walk: freeing the current entry inside
 * list_for_each_entry(), whose step reads pos->member.next from the freed
 * entry (the finding is on the list_for_each_entry() line, where the
 * macro's step is). foo_flush_good() uses list_for_each_entry_safe().
 */
#include <linux/module.h>
#include <linux/list.h>
#include <linux/slab.h>

struct foo_buf {
	struct list_head node;
	void *data;
};

struct foo_dev {
	struct list_head bufs;
	unsigned int nr_bufs;
};

void foo_flush_bad(struct foo_dev *fd)
{
	struct foo_buf *b;

	list_for_each_entry(b, &fd->bufs, node) { /* expect: use-after-free */
		list_del(&b->node);
		kfree(b->data);
		kfree(b);
	}
	fd->nr_bufs = 0;
}

void foo_flush_good(struct foo_dev *fd)
{
	struct foo_buf *b, *tmp;

	list_for_each_entry_safe(b, tmp, &fd->bufs, node) {
		list_del(&b->node);
		kfree(b->data);
		kfree(b);
	}
	fd->nr_bufs = 0;
}

MODULE_LICENSE("GPL");
