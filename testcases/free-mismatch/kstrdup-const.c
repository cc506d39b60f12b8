// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch: kstrdup_const() returns the argument itself when it lives
 * in .rodata, so the result must be released with kfree_const(); kfree()
 * on it frees a pointer into the kernel image. foo_good() uses
 * kfree_const().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_chan {
	const char *name;
	int id;
};

int foo_chan_bad(struct foo_chan *ch, const char *name, int id)
{
	const char *copy = kstrdup_const(name, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	if (id < 0) {
		kfree(copy); /* expect: free-mismatch */
		return -EINVAL;
	}
	ch->name = copy;
	ch->id = id;
	return 0;
}

int foo_chan_good(struct foo_chan *ch, const char *name, int id)
{
	const char *copy = kstrdup_const(name, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	if (id < 0) {
		kfree_const(copy);
		return -EINVAL;
	}
	ch->name = copy;
	ch->id = id;
	return 0;
}

void foo_chan_release(struct foo_chan *ch)
{
	kfree_const(ch->name);
	ch->name = NULL;
}

MODULE_LICENSE("GPL");
