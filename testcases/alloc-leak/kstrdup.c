// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of a kstrdup() copy: foo_set_label_bad() returns -EINVAL for
 * an empty or long label without freeing the copy it made. foo_set_label_good()
 * frees it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_dev {
	const char *label;
};

int foo_set_label_bad(struct foo_dev *fd, const char *s)
{
	char *label = kstrdup(s, GFP_KERNEL);

	if (!label)
		return -ENOMEM;
	if (!label[0] || strlen(label) > 32)
		return -EINVAL; /* expect: alloc-leak */
	fd->label = label;
	return 0;
}

int foo_set_label_good(struct foo_dev *fd, const char *s)
{
	char *label = kstrdup(s, GFP_KERNEL);

	if (!label)
		return -ENOMEM;
	if (!label[0] || strlen(label) > 32) {
		kfree(label);
		return -EINVAL;
	}
	fd->label = label;
	return 0;
}

MODULE_LICENSE("GPL");
