// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kvmalloc() (slab, falling back to vmalloc) still
 * returns NULL when both fail.
 */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct foo_bitmap {
	unsigned long *bits;
	size_t nbytes;
};

int foo_bitmap_bad(struct foo_bitmap *bm, size_t nbytes)
{
	unsigned long *bits = kvmalloc(nbytes, GFP_KERNEL);

	bits[0] = 0; /* expect: unchecked-alloc */
	bm->bits = bits;
	bm->nbytes = nbytes;
	return 0;
}

int foo_bitmap_good(struct foo_bitmap *bm, size_t nbytes)
{
	unsigned long *bits = kvmalloc(nbytes, GFP_KERNEL);

	if (!bits)
		return -ENOMEM;
	bits[0] = 0;
	bm->bits = bits;
	bm->nbytes = nbytes;
	return 0;
}

void foo_bitmap_free(struct foo_bitmap *bm)
{
	kvfree(bm->bits);
	bm->bits = NULL;
}

MODULE_LICENSE("GPL");
