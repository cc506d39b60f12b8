// SPDX-License-Identifier: GPL-2.0
/*
 * Functions of the core kernel that no file of the driver defines get
 * their summaries from rules/*.summaries (here the fixture test.summaries,
 * loaded from a copy of the rules directory): passing a freed buffer to
 * kml_core_use(), which dereferences its argument, is a use after free;
 * kfree() after kml_core_release(), which frees it, is a double free.
 * kml_core_other() has no summary: passing the freed buffer to it is no
 * use (an unknown function).
 */
#include <linux/module.h>
#include <linux/slab.h>

void kml_core_use(void *p);
void kml_core_release(void *p);
void kml_core_other(void *p);

static int __init kml_core_init(void)
{
	char *a = kmalloc(16, GFP_KERNEL);
	char *b = kmalloc(16, GFP_KERNEL);

	if (!a || !b) {
		kfree(a);
		kfree(b);
		return -ENOMEM;
	}
	kfree(a);
	kml_core_other(a);
	kml_core_use(a); /* expect: use-after-free */
	kml_core_release(b);
	kfree(b); /* expect: double-free */
	return 0;
}
module_init(kml_core_init);
MODULE_LICENSE("GPL");
