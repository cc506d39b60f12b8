// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc false positive seen on real drivers: two pointers whose
 * nullness is related. kstrdup(NULL) returns NULL, so after
 * `if (!copy != !label) continue;` (kstrdup() failed on a real label),
 * copy and label are both NULL or both non-NULL, and `if (label)
 * copy[0] = ...` is safe: silent. foo_chans_bad() has no such test and
 * uses copy under `if (label)` alone (NULL when kstrdup() failed).
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/ctype.h>
#include <linux/slab.h>

#define FOO_NR_CHAN	8

struct foo_chan_tmpl {
	const char *label;	/* optional */
};

struct foo_dev {
	struct device *dev;
	char *label[FOO_NR_CHAN];
};

void foo_chans_good(struct foo_dev *fd, const struct foo_chan_tmpl *tmpl)
{
	int i;

	for (i = 0; i < FOO_NR_CHAN; i++) {
		const char *label = tmpl[i].label;
		char *copy = kstrdup(label, GFP_KERNEL);

		fd->label[i] = copy;
		if (!copy != !label) {
			dev_warn(fd->dev, "chan %d: no memory for its label\n", i);
			continue;
		}
		if (label)
			copy[0] = toupper(copy[0]);
	}
}

void foo_chans_bad(struct foo_dev *fd, const struct foo_chan_tmpl *tmpl)
{
	int i;

	for (i = 0; i < FOO_NR_CHAN; i++) {
		const char *label = tmpl[i].label;
		char *copy = kstrdup(label, GFP_KERNEL);

		fd->label[i] = copy;
		if (label)
			copy[0] = toupper(copy[0]); /* expect: unchecked-alloc */
	}
}

void foo_chans_free(struct foo_dev *fd)
{
	int i;

	for (i = 0; i < FOO_NR_CHAN; i++)
		kfree(fd->label[i]);
}

MODULE_LICENSE("GPL");
