// SPDX-License-Identifier: GPL-2.0
/* Found only with the parent's subdir-ccflags-y. */
#include <linux/module.h>
#include <linux/slab.h>

#ifndef KMLS_TREE
#error subdir-ccflags-y was not applied
#endif

static char *kmls_sub_buf;

static int __init kmls_sub_init(void)
{
	char *c = kzalloc(8, GFP_KERNEL);

	c[1] = 2; /* expect: unchecked-alloc */
	kmls_sub_buf = c;
	return 0;
}

static void __exit kmls_sub_exit(void)
{
	kfree(kmls_sub_buf);
}

module_init(kmls_sub_init);
module_exit(kmls_sub_exit);
MODULE_LICENSE("GPL");
