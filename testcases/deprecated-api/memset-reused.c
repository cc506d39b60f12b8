// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: kmalloc() then a memset() of the whole block is a
 * kzalloc() only where every path that reaches the memset() clears the
 * fresh block.  foo_scan_good() allocates its scan buffer once and clears
 * it at each scan (il4965_request_scan()), foo_fill_good() clears one
 * buffer at each step of a loop (emufx): dropping either memset() would
 * leave the old contents.  foo_scan_bad() clears a block it has just
 * allocated, on its only path.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FOO_SCAN_SIZE	512

struct foo_scan {
	u8 channels[FOO_SCAN_SIZE];
	u32 flags;
};

struct foo_dev {
	struct foo_scan *scan_cmd;
	int nitems;
	u32 items[16];
};

int foo_scan_good(struct foo_dev *d)
{
	struct foo_scan *scan;

	if (!d->scan_cmd) {
		d->scan_cmd = kmalloc(sizeof(*d->scan_cmd), GFP_KERNEL);
		if (!d->scan_cmd)
			return -ENOMEM;
	}
	scan = d->scan_cmd;
	memset(scan, 0, sizeof(*scan));
	scan->flags = 1;
	return 0;
}

int foo_fill_good(struct foo_dev *d, void (*emit)(struct foo_scan *))
{
	struct foo_scan *tmp;
	int i;

	tmp = kmalloc(sizeof(*tmp), GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	for (i = 0; i < d->nitems; i++) {
		memset(tmp, 0, sizeof(*tmp));
		tmp->flags = d->items[i];
		emit(tmp);
	}
	kfree(tmp);
	return 0;
}

int foo_scan_bad(struct foo_dev *d)
{
	struct foo_scan *scan;

	scan = kmalloc(sizeof(*scan), GFP_KERNEL);
	if (!scan)
		return -ENOMEM;
	memset(scan, 0, sizeof(*scan)); /* expect: deprecated-api */
	scan->flags = 1;
	d->scan_cmd = scan;
	return 0;
}

MODULE_LICENSE("GPL");
