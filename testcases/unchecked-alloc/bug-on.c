// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: BUG_ON(!p) never returns on the NULL path, so the use
 * after it is checked (harsh, but not a NULL dereference). In foo_bad()
 * the BUG_ON condition itself reads a member of the unchecked pointer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/bug.h>

struct foo_table {
	unsigned int nr;
	u32 entry[16];
};

struct foo_chip {
	struct foo_table *table;
};

int foo_table_bad(struct foo_chip *chip)
{
	struct foo_table *table = kzalloc(sizeof(*table), GFP_KERNEL);

	BUG_ON(table->nr != 0); /* expect: unchecked-alloc */
	chip->table = table;
	return 0;
}

int foo_table_good(struct foo_chip *chip)
{
	struct foo_table *table = kzalloc(sizeof(*table), GFP_KERNEL);

	BUG_ON(!table);
	table->nr = ARRAY_SIZE(table->entry);
	chip->table = table;
	return 0;
}

MODULE_LICENSE("GPL");
