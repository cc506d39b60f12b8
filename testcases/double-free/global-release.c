// SPDX-License-Identifier: GPL-2.0
/*
 * double-free across functions, through a static global: module exit
 * calls foo_hw_fini(), which already kfree()s foo_fw_blob (and leaves the
 * pointer), then kfree()s foo_fw_blob itself. foo_cal_blob is released
 * by foo_cal_drop(), which clears it, so the kfree() after it is
 * kfree(NULL): silent.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

static u8 *foo_fw_blob;
static u8 *foo_cal_blob;

static void foo_hw_fini(void)
{
	kfree(foo_fw_blob);
}

static void foo_cal_drop(void)
{
	kfree(foo_cal_blob);
	foo_cal_blob = NULL;
}

static int __init foo_init(void)
{
	foo_fw_blob = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!foo_fw_blob)
		return -ENOMEM;
	foo_cal_blob = kstrdup("default", GFP_KERNEL);
	if (!foo_cal_blob) {
		kfree(foo_fw_blob);
		return -ENOMEM;
	}
	return 0;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	foo_cal_drop();
	kfree(foo_cal_blob);
	foo_hw_fini();
	kfree(foo_fw_blob); /* expect: double-free */
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
