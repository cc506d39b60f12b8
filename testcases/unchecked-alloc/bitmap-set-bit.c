// SPDX-License-Identifier: GPL-2.0
/*
 * A bitmap from bitmap_zalloc() (lib/bitmap.c: kmalloc_array(), NULL on
 * failure) used by set_bit() / test_bit() with no NULL check: the bit
 * operations read and write the word through their address argument,
 * so a NULL bitmap faults there.  The twin checks it first.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/bitmap.h>

struct foo_ids {
	unsigned long *used;
	unsigned int n;
};

int foo_ids_init_bad(struct foo_ids *ids, unsigned int n)
{
	unsigned long *map = bitmap_zalloc(n, GFP_KERNEL);

	set_bit(0, map); /* expect: unchecked-alloc */
	ids->used = map;
	ids->n = n;
	return 0;
}

int foo_ids_init_good(struct foo_ids *ids, unsigned int n)
{
	unsigned long *map = bitmap_zalloc(n, GFP_KERNEL);

	if (!map)
		return -ENOMEM;
	set_bit(0, map);
	ids->used = map;
	ids->n = n;
	return 0;
}

bool foo_ids_probe_bad(unsigned int n)
{
	unsigned long *map = bitmap_zalloc(n, GFP_KERNEL);
	bool busy = test_bit(1, map); /* expect: unchecked-alloc */

	bitmap_free(map);
	return busy;
}

void foo_ids_exit(struct foo_ids *ids)
{
	bitmap_free(ids->used);
}
MODULE_LICENSE("GPL");
