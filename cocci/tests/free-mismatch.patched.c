// SPDX-License-Identifier: GPL-2.0
/* Input of the free-mismatch semantic patch (cocci/tests/README.md). */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

int foo_devm(struct device *dev, size_t n)
{
	u8 *a, *b;

	a = devm_kzalloc(dev, n, GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	b = kmalloc(n, GFP_KERNEL);
	if (!b) {/* report */
		return -ENOMEM;
	}
	kfree(b);
	return 0;
}

void foo_slab_vfree(size_t n)
{
	u8 *a = NULL;

	a = kzalloc(n, GFP_KERNEL);
	kfree(a); /* report */
}

void foo_vmalloc_kfree(size_t n)
{
	u32 *t;

	t = vmalloc(n);
	vfree(t); /* report */
}

void foo_good(size_t n)
{
	u32 *t;
	u8 *a;

	t = vmalloc(n);
	vfree(t);
	a = kmalloc(n, GFP_KERNEL);
	kfree(a);
}

MODULE_LICENSE("GPL");
