// SPDX-License-Identifier: GPL-2.0
/* Input of the unchecked-alloc semantic patch (cocci/tests/README.md). */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo {
	int id;
	int *vals;
};

int foo_bad_int(int id)
{
	struct foo *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	f->id = id; /* report */
	kfree(f);
	return 0;
}

int foo_bad_unwind(int id, size_t n)
{
	struct foo *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->vals = kcalloc(n, sizeof(int), GFP_KERNEL);
	f->vals[0] = id; /* report-only */
	kfree(f->vals);
	kfree(f);
	return 0;
}

void foo_bad_void(int id)
{
	struct foo *f;

	f = kmalloc(sizeof(*f), GFP_KERNEL);
	f->id = id; /* report-only */
	kfree(f);
}

int foo_good(int id)
{
	struct foo *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->id = id;
	kfree(f);
	return 0;
}

MODULE_LICENSE("GPL");
