// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and a `bool allocated` flag: the label is the caller's when
 * it gave one, else a kasprintf() copy made here, freed at the end only
 * where the flag says it was allocated.  foo_add_bad() returns early when
 * the registration fails, before the flag's test, and leaks the copy.
 * foo_add_good() goes through the test on every path: the path where the
 * caller's label was used frees nothing and must stay silent.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	int id;
	int nr_labels;
};

static int foo_register_label(struct foo_dev *fd, const char *label)
{
	if (!label[0] || fd->nr_labels >= 8)
		return -EINVAL;
	fd->nr_labels++;
	return 0;
}

int foo_add_bad(struct foo_dev *fd, const char *label)
{
	bool allocated = false;
	char *name;
	int ret;

	if (label) {
		name = (char *)label;
	} else {
		name = kasprintf(GFP_KERNEL, "foo-%d", fd->id);
		if (!name)
			return -ENOMEM;
		allocated = true;
	}
	ret = foo_register_label(fd, name);
	if (ret) /* expect-note: alloc-leak */
		return ret; /* expect: alloc-leak */
	if (allocated)
		kfree(name);
	return 0;
}

int foo_add_good(struct foo_dev *fd, const char *label)
{
	bool allocated = false;
	char *name;
	int ret;

	if (label) {
		name = (char *)label;
	} else {
		name = kasprintf(GFP_KERNEL, "foo-%d", fd->id);
		if (!name)
			return -ENOMEM;
		allocated = true;
	}
	ret = foo_register_label(fd, name);
	if (allocated)
		kfree(name);
	return ret;
}

MODULE_LICENSE("GPL");
