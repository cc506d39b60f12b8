// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch on a platform device: platform_device_alloc() returns a
 * device whose reference count it initialized, released by
 * platform_device_put() (the release callback frees it and its name,
 * resources and platform data).  The bad function kfree()s it when a
 * later step fails; the good one puts it.  A driver may also kzalloc()
 * the struct itself and register it with its own release callback
 * (intel pmc pltdrv.c): that one is put too, and so is a device
 * embedded in a driver's devm block (cb710's slots): the put drops a
 * reference and frees nothing of the block, which is still used.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/platform_device.h>

static struct platform_device *foo_child;

int foo_bad_add_child(struct device *parent)
{
	struct platform_device *pdev = platform_device_alloc("foo-child", 0);
	int ret;

	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = parent;
	ret = platform_device_add(pdev);
	if (ret) {
		kfree(pdev); /* expect: free-mismatch */
		return ret;
	}
	foo_child = pdev;
	return 0;
}

int foo_good_add_child(struct device *parent)
{
	struct platform_device *pdev = platform_device_alloc("foo-child", 1);
	int ret;

	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = parent;
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	foo_child = pdev;
	return 0;
}

static struct platform_device *foo_own;

static void foo_own_release(struct device *dev)
{
	kfree(to_platform_device(dev));
}

int foo_good_own_device(void)
{
	int ret;

	foo_own = kzalloc(sizeof(*foo_own), GFP_KERNEL);
	if (!foo_own)
		return -ENOMEM;
	foo_own->name = "foo-own";
	foo_own->id = PLATFORM_DEVID_NONE;
	foo_own->dev.release = foo_own_release;
	ret = platform_device_register(foo_own);
	if (ret)
		platform_device_put(foo_own);
	return ret;
}

void foo_good_own_remove(void)
{
	platform_device_unregister(foo_own);
}

struct foo_chip {
	int nslots;
	struct platform_device slot;
};

static void foo_slot_release(struct device *dev)
{
}

int foo_good_embedded_slot(struct device *parent)
{
	struct foo_chip *chip = devm_kzalloc(parent, sizeof(*chip), GFP_KERNEL);
	int err;

	if (!chip)
		return -ENOMEM;
	chip->slot.name = "foo-slot";
	chip->slot.id = PLATFORM_DEVID_NONE;
	chip->slot.dev.parent = parent;
	chip->slot.dev.release = foo_slot_release;
	chip->nslots++;
	err = platform_device_register(&chip->slot);
	if (err) {
		platform_device_put(&chip->slot);
		chip->nslots--;
		return err;
	}
	dev_set_drvdata(parent, chip);
	return 0;
}

MODULE_LICENSE("GPL");
