// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak in a module's init: the platform device and the buffer are
 * kept in globals, which the exit function releases.  When
 * platform_device_add() fails, init returns its error with the device
 * still referenced (platform_device_alloc() made a reference only
 * platform_device_put() drops), and the kernel never calls the exit
 * function after a failed init: the device leaks (the buffer is freed
 * there through a cleanup helper, which is right).  When
 * platform_device_alloc() fails, the buffer leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/platform_device.h>

static struct platform_device *foo_pdev;
static void *foo_buf;

static void foo_free_buf(void)
{
	kfree(foo_buf);
	foo_buf = NULL;
}

static int __init foo_init(void)
{
	int ret;

	foo_buf = kzalloc(64, GFP_KERNEL);
	if (!foo_buf)
		return -ENOMEM;
	foo_pdev = platform_device_alloc("foo", PLATFORM_DEVID_NONE);
	if (!foo_pdev)
		return -ENOMEM; /* expect: alloc-leak */
	ret = platform_device_add(foo_pdev);
	if (ret) {
		foo_free_buf();
		return ret; /* expect: alloc-leak */
	}
	return 0;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	platform_device_unregister(foo_pdev);
	foo_free_buf();
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
