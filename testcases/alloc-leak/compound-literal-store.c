// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and a compound literal assigned to an array element (EFI
 * apple-properties unmarshal_key_value_pairs(): entry[i] =
 * PROPERTY_ENTRY_BOOL(key), a (struct property_entry){ .name = key, ... }
 * literal): the name block is stored in entry[i].name, which the caller
 * keeps.  foo_fill_names() stores it in both arms; foo_fill_flags() puts
 * a constant name in the literal and forgets the block.
 */
#include <linux/module.h>
#include <linux/property.h>
#include <linux/slab.h>

int foo_fill_names(struct property_entry entry[], const u8 *data, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		char *key = kasprintf(GFP_KERNEL, "foo-%d", i);

		if (!key)
			return -ENOMEM;
		if (data[i])
			entry[i] = PROPERTY_ENTRY_U8_ARRAY_LEN(key, &data[i], 1);
		else
			entry[i] = PROPERTY_ENTRY_BOOL(key);
	}
	return 0;
}

int foo_fill_flags(struct property_entry entry[], const u8 *data, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		char *key = kasprintf(GFP_KERNEL, "foo-%d", i);

		if (!key)
			return -ENOMEM;
		pr_debug("%s: %u\n", key, data[i]);
		entry[i] = PROPERTY_ENTRY_BOOL("foo-flag");	/* expect: alloc-leak */
	}
	return 0;
}
MODULE_LICENSE("GPL");
