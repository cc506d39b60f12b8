// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of a platform device: platform_device_alloc() makes a
 * reference that only platform_device_put() drops, and where
 * platform_device_add() fails the caller still holds it.  The bad
 * function returns the error without the put, and leaks the device
 * when platform_device_add_data() fails too; the good one puts it.
 */
#include <linux/module.h>
#include <linux/platform_device.h>

struct foo_pdata {
	int id;
};

static struct platform_device *foo_children[2];

int foo_bad_add_child(struct device *parent, int i)
{
	struct foo_pdata pd = { .id = i };
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc("foo-child", i);
	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = parent;
	ret = platform_device_add_data(pdev, &pd, sizeof(pd));
	if (ret)
		return ret; /* expect: alloc-leak */
	ret = platform_device_add(pdev);
	if (ret)
		return ret; /* expect: alloc-leak */
	foo_children[i & 1] = pdev;
	return 0;
}

int foo_good_add_child(struct device *parent, int i)
{
	struct foo_pdata pd = { .id = i };
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc("foo-child", i);
	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = parent;
	ret = platform_device_add_data(pdev, &pd, sizeof(pd));
	if (ret)
		goto err_put;
	ret = platform_device_add(pdev);
	if (ret)
		goto err_put;
	foo_children[i & 1] = pdev;
	return 0;
err_put:
	platform_device_put(pdev);
	return ret;
}

MODULE_LICENSE("GPL");
