// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free across functions, through a static global: module exit
 * calls foo_table_free(), which kfree()s foo_table, and then prints the
 * entry count read from foo_table. foo_cache is handled in the right
 * order. The finding belongs on the use in exit.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/printk.h>

struct foo_table {
	unsigned int count;
	u32 ent[64];
};

static struct foo_table *foo_table;
static struct foo_table *foo_cache;

static void foo_table_free(void)
{
	kfree(foo_table);
}

static int __init foo_init(void)
{
	foo_table = kzalloc(sizeof(*foo_table), GFP_KERNEL);
	if (!foo_table)
		return -ENOMEM;
	foo_cache = kzalloc(sizeof(*foo_cache), GFP_KERNEL);
	if (!foo_cache) {
		kfree(foo_table);
		return -ENOMEM;
	}
	return 0;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	pr_info("foo: %u cached entries dropped\n", foo_cache->count);
	kfree(foo_cache);
	foo_table_free();
	pr_info("foo: %u entries dropped\n", foo_table->count); /* expect: use-after-free */
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
