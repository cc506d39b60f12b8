// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api and roundup() (drivers/misc/mei/client.c,
 * mei_cl_alloc_cb(): kmalloc(roundup(length, MEI_SLOT_SIZE))).  The
 * macro expands to ((length + __y - 1) / __y) * __y: a product, but a
 * multiple of __y no larger than length plus __y, not a count of
 * elements times their size, and kmalloc_array() is no fix for it.
 * foo_alloc_slots() is silent; foo_alloc_words() allocates n elements of
 * 4 bytes with an open-coded multiplication and is reported.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/math.h>

void *foo_alloc_slots(size_t length)
{
	return kmalloc(roundup(length, sizeof(u32)), GFP_KERNEL);
}

void *foo_alloc_words(size_t n)
{
	return kmalloc(n * sizeof(u32), GFP_KERNEL); /* expect: deprecated-api */
}

MODULE_LICENSE("GPL");
