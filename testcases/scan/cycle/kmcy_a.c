// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/printk.h>
#include "kmcy.h"

static struct kmcy_buf *kmcy_cur;

void kmcy_note(int len)
{
	pr_debug("kmcy: %d bytes\n", len);
}

static int __init kmcy_init(void)
{
	kmcy_cur = kmcy_alloc_b(kmcy_len_b(16));
	kmcy_cur->data[0] = 1;	/* NULL when kzalloc() in kmcy_c.c fails */
	return 0;
}

static void __exit kmcy_exit(void)
{
	kfree(kmcy_cur);
}

module_init(kmcy_init);
module_exit(kmcy_exit);
MODULE_LICENSE("GPL");
