// SPDX-License-Identifier: GPL-2.0
/* Found only with CFLAGS_kmls_core.o and ccflags-y (-I$(src)/inc). */
#include <linux/module.h>
#include "kmls.h"

#if KMLS_CORE_LEVEL != 2
#error CFLAGS_kmls_core.o was not applied
#endif

static struct kmls_dev kmls;

static int __init kmls_init(void)
{
	int *p = kmalloc(16 * sizeof(int), GFP_KERNEL);

	p[0] = 1; /* expect: unchecked-alloc */
	kmls.buf = p;
	kmls.len = 16;
	return kmls_fill(&kmls);
}

/* Needs the summary of kmls_new_buf() in kmls_lib.c. */
int kmls_extra(void)
{
	int *b = kmls_new_buf(4);

	b[0] = 1; /* expect: unchecked-alloc */
	kfree(b);
	return 0;
}

static void __exit kmls_exit(void)
{
	kfree(kmls.buf);
}

module_init(kmls_init);
module_exit(kmls_exit);
MODULE_LICENSE("GPL");
