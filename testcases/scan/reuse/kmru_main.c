// SPDX-License-Identifier: GPL-2.0
/*
 * Two functions that call kmru_lib.c and three that do not: when
 * kmru_get()'s summary changes, the scan analyses this file again, and
 * the report pass of the three is taken from the last analysis
 * (engine/reuse.c), with their findings.
 */
#include <linux/module.h>
#include "kmru.h"

static struct kmru_buf *kmru_cur;
static u8 *kmru_raw;

/* calls kmru_get(): NULL unless it cannot fail */
static int kmru_fill(void)
{
	kmru_cur = kmru_get(16);
	kmru_cur->data[0] = 1;
	return 0;
}

/* calls kmru_put() */
static void kmru_drop(void)
{
	kmru_put(kmru_cur);
	kmru_cur = NULL;
}

/* reads nothing of kmru_lib.c: an unchecked kmalloc() */
static int kmru_raw_fill(void)
{
	kmru_raw = kmalloc(32, GFP_KERNEL);
	kmru_raw[0] = 2;
	return 0;
}

/* reads nothing of kmru_lib.c: a double free */
static void kmru_raw_drop(int twice)
{
	kfree(kmru_raw);
	if (twice)
		kfree(kmru_raw);
	kmru_raw = NULL;
}

/* reads nothing of kmru_lib.c, reports nothing */
static int kmru_sum(const u8 *p, int n)
{
	int i, s = 0;

	for (i = 0; i < n; i++)
		s += p[i];
	return s;
}

static int __init kmru_init(void)
{
	kmru_raw_fill();
	kmru_fill();
	return kmru_sum(kmru_raw, 32) > 0 ? 0 : -EINVAL;
}

static void __exit kmru_exit(void)
{
	kmru_drop();
	kmru_raw_drop(0);
}

module_init(kmru_init);
module_exit(kmru_exit);
MODULE_LICENSE("GPL");
