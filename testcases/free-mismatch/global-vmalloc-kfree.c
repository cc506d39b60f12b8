// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch across functions, through static globals: module init
 * vzalloc()s two lookup tables; module exit releases foo_hash with
 * kfree() (wrong) and foo_lru with vfree() (right). The finding belongs
 * on the free in exit.
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>

#define FOO_HASH_SIZE	(1 << 16)

static u32 *foo_hash;	/* released with the wrong function */
static u32 *foo_lru;	/* released correctly */

static int __init foo_init(void)
{
	foo_hash = vzalloc(array_size(FOO_HASH_SIZE, sizeof(*foo_hash)));
	if (!foo_hash)
		return -ENOMEM;
	foo_lru = vzalloc(array_size(FOO_HASH_SIZE, sizeof(*foo_lru)));
	if (!foo_lru) {
		vfree(foo_hash);
		return -ENOMEM;
	}
	return 0;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	vfree(foo_lru);
	kfree(foo_hash); /* expect: free-mismatch */
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
