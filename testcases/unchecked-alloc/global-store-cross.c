// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc across functions, through static globals: module init
 * stores kcalloc() results and returns 0 without checking foo_crc_table,
 * which foo_crc() indexes without a check: the finding belongs on the
 * store in init. foo_hint_table is optional, init may leave it NULL, and
 * foo_hint() checks it before use: silent. foo_lut is checked in init.
 */
#include <linux/module.h>
#include <linux/slab.h>

static u32 *foo_crc_table;	/* unchecked in init, used unchecked */
static u32 *foo_hint_table;	/* optional: checked where used */
static u8 *foo_lut;		/* checked in init */

u32 foo_crc(u8 b)
{
	return foo_crc_table[b];
}

u32 foo_hint(u8 b)
{
	return foo_hint_table ? foo_hint_table[b] : 0;
}

u8 foo_lut_get(u8 b)
{
	return foo_lut[b];
}

static int __init foo_init(void)
{
	int i;

	foo_lut = kmalloc(256, GFP_KERNEL);
	if (!foo_lut)
		return -ENOMEM;
	for (i = 0; i < 256; i++)
		foo_lut[i] = 255 - i;
	foo_crc_table = kcalloc(256, sizeof(u32), GFP_KERNEL); /* expect: unchecked-alloc */
	foo_hint_table = kcalloc(256, sizeof(u32), GFP_KERNEL);
	return 0;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	kfree(foo_hint_table);
	kfree(foo_crc_table);
	kfree(foo_lut);
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
