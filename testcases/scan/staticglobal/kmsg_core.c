// SPDX-License-Identifier: GPL-2.0
/*
 * The core half: its own static pdev, not kmsg_aux.c's.  Its exit
 * unregisters the auxiliary device first (kmsg_aux_exit() frees
 * kmsg_aux.c's pdev), then reads and unregisters its own: no double
 * free and no use after free.  kmsg_core_bad_exit() unregisters its own
 * twice, which is one.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include "kmsg.h"

static struct platform_device *pdev;

static int __init kmsg_init(void)
{
	int ret;

	pdev = platform_device_alloc("kmsg", -1);
	if (!pdev)
		return -ENOMEM;
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	ret = kmsg_aux_init();
	if (ret)
		platform_device_unregister(pdev);
	return ret;
}
module_init(kmsg_init);

static void __exit kmsg_exit(void)
{
	kmsg_aux_exit();
	dev_info(&pdev->dev, "bye\n");
	platform_device_unregister(pdev);
}
module_exit(kmsg_exit);

void kmsg_core_bad_exit(void)
{
	platform_device_unregister(pdev);
	platform_device_unregister(pdev);
}

MODULE_LICENSE("GPL");
