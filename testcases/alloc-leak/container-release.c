// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/hwmon/hwmon.c, __hwmon_device_register()): the
 * release function takes the embedded struct device and reaches its
 * container with container_of(); its summary frees "$0->groups" of
 * struct foo_hwdev.  The caller passes hdev = &hwdev->dev, so the place
 * freed is hwdev->groups, not hdev->groups (a struct device field).
 * foo_register_good() is silent.  foo_register_bad() calls a release
 * that frees the container but not its groups: the groups leak.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/err.h>

struct foo_hwdev {
	const char *name;
	const struct attribute_group **groups;
	struct device dev;
};

#define to_foo_hwdev(d) container_of(d, struct foo_hwdev, dev)

static void foo_dev_release(struct device *dev)
{
	struct foo_hwdev *hwdev = to_foo_hwdev(dev);

	kfree(hwdev->groups);
	kfree(hwdev);
}

static void foo_dev_release_bad(struct device *dev)
{
	struct foo_hwdev *hwdev = to_foo_hwdev(dev);

	kfree(hwdev);
}

struct device *foo_register_good(const char *name, int ngroups, bool fail)
{
	struct foo_hwdev *hwdev;
	struct device *hdev;
	int err;

	hwdev = kzalloc(sizeof(*hwdev), GFP_KERNEL);
	if (!hwdev)
		return ERR_PTR(-ENOMEM);
	hdev = &hwdev->dev;
	hwdev->groups = kcalloc(ngroups + 1, sizeof(*hwdev->groups),
				GFP_KERNEL);
	if (!hwdev->groups) {
		err = -ENOMEM;
		goto free_hwmon;
	}
	if (fail) {
		err = -EINVAL;
		goto free_hwmon;
	}
	hwdev->name = name;
	hdev->release = foo_dev_release;
	return hdev;

free_hwmon:
	foo_dev_release(hdev);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(foo_register_good);

struct device *foo_register_bad(const char *name, int ngroups, bool fail)
{
	struct foo_hwdev *hwdev;
	struct device *hdev;
	int err;

	hwdev = kzalloc(sizeof(*hwdev), GFP_KERNEL);
	if (!hwdev)
		return ERR_PTR(-ENOMEM);
	hdev = &hwdev->dev;
	hwdev->groups = kcalloc(ngroups + 1, sizeof(*hwdev->groups),
				GFP_KERNEL);
	if (!hwdev->groups) {
		err = -ENOMEM;
		goto free_hwmon;
	}
	if (fail) {
		err = -EINVAL;
		goto free_hwmon;
	}
	hwdev->name = name;
	hdev->release = foo_dev_release;
	return hdev;

free_hwmon:
	foo_dev_release_bad(hdev); /* expect: alloc-leak */
	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(foo_register_bad);
MODULE_LICENSE("GPL");
