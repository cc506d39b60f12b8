// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and a local array of pointers filled by its initialiser
 * (bch_cached_dev_run() of bcache: char *env[] = { "DRIVER=bcache",
 * kasprintf(...), kasprintf(...), NULL }, freed with kfree(env[1]) and
 * kfree(env[2]) at the common exit).  Each element holds its block from
 * the declaration on.  foo_uevent_good() frees both; foo_uevent_bad()
 * forgets the second.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kobject.h>

struct foo_dev {
	struct kobject kobj;
	const char *label;
	bool disabled;
	u32 id;
};

int foo_uevent_good(struct foo_dev *d)
{
	int ret = 0;
	char *env[] = {
		"DRIVER=foo",
		kasprintf(GFP_KERNEL, "FOO_ID=%u", d->id),
		kasprintf(GFP_KERNEL, "FOO_LABEL=%s", d->label),
		NULL,
	};

	if (d->disabled) {
		ret = -EIO;
		goto out;
	}
	kobject_uevent_env(&d->kobj, KOBJ_CHANGE, env);
out:
	kfree(env[1]);
	kfree(env[2]);
	return ret;
}

int foo_uevent_bad(struct foo_dev *d)
{
	int ret = 0;
	char *env[] = {
		"DRIVER=foo",
		kasprintf(GFP_KERNEL, "FOO_ID=%u", d->id),
		kasprintf(GFP_KERNEL, "FOO_LABEL=%s", d->label),
		NULL,
	};

	if (d->disabled) {
		ret = -EIO;
		goto out;
	}
	kobject_uevent_env(&d->kobj, KOBJ_CHANGE, env);
out:
	kfree(env[1]);
	return ret; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
