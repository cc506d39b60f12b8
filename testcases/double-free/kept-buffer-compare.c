// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and a buffer freed unless a field kept it (udlfb's
 * dlfb_setup_modes(): the EDID block is stored in dlfb->edid when it
 * parses, and the exit frees it only `if (edid && dlfb->edid != edid)`;
 * the device's teardown frees dlfb->edid).  Both are char *: the field
 * and the local hold the same allocation, so the test is false where
 * the block was kept.  foo_setup_bad() frees it whether or not it kept
 * it.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	char *edid;
	int nmodes;
};

struct foo_dev_bad {
	char *edid;
	int nmodes;
};

int foo_read_edid(struct foo_dev *d, char *buf);
int foo_read_edid(struct foo_dev *d, char *buf)
{
	buf[0] = 0;
	return d->nmodes;
}

static int foo_setup(struct foo_dev *d)
{
	char *edid;
	int tries = 3, result = 0;

	edid = kmalloc(128, GFP_KERNEL);
	if (!edid)
		return -ENOMEM;
	while (tries--) {
		if (foo_read_edid(d, edid) > 0) {
			d->edid = edid;
			break;
		}
	}
	if (!d->nmodes)
		result = -EINVAL;
	if (edid && d->edid != edid)
		kfree(edid);
	return result;
}

static int foo_setup_bad(struct foo_dev_bad *d)
{
	char *edid;
	int tries = 3, result = 0;

	edid = kmalloc(128, GFP_KERNEL);
	if (!edid)
		return -ENOMEM;
	while (tries--) {
		if (foo_read_edid((struct foo_dev *)d, edid) > 0) {
			d->edid = edid;
			break;
		}
	}
	if (!d->nmodes)
		result = -EINVAL;
	if (edid)
		kfree(edid);
	return result;
}

static void foo_destroy(struct foo_dev *d)
{
	kfree(d->edid);
	kfree(d);
}

int foo_probe(struct foo_dev *d);
int foo_probe(struct foo_dev *d)
{
	int r = foo_setup(d);

	if (r) {
		foo_destroy(d);
		return r;
	}
	return 0;
}

static void foo_destroy_bad(struct foo_dev_bad *d)
{
	kfree(d->edid);	/* expect: double-free */
	kfree(d);
}

int foo_probe_bad(struct foo_dev_bad *d);
int foo_probe_bad(struct foo_dev_bad *d)
{
	int r = foo_setup_bad(d);

	if (r) {
		foo_destroy_bad(d);	/* expect: double-free */
		return r;
	}
	return 0;
}

MODULE_LICENSE("GPL");
