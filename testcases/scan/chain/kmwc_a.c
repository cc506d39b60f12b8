// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include "kmwc.h"

static struct kmwc_buf *kmwc_cur;

static int __init kmwc_init(void)
{
	kmwc_cur = kmwc_alloc_b(16);
	kmwc_cur->data[0] = 1;	/* NULL when kzalloc() in kmwc_d.c fails */
	return 0;
}

static void __exit kmwc_exit(void)
{
	kfree(kmwc_cur);
}

module_init(kmwc_init);
module_exit(kmwc_exit);
MODULE_LICENSE("GPL");
