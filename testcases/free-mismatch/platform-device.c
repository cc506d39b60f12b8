// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch on a platform device: platform_device_alloc() returns a
 * device whose reference count it initialized, released by
 * platform_device_put() (the release callback frees it and its name,
 * resources and platform data).  The bad function kfree()s it when a
 * later step fails; the good one puts it.
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

MODULE_LICENSE("GPL");
