// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api, correct code only: sizes computed by struct_size(),
 * array_size() and flex_array_size() go through size_mul()/size_add(),
 * which saturate on overflow; a product of constants cannot overflow at
 * run time; a count that is a constant on the path (set just before) is
 * a constant product too.  None of these is a finding.
 */
#include <linux/module.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#define FOO_NR_SLOTS	16

struct foo_msg {
	u32 len;
	u8 data[];
};

struct foo_slot {
	u64 seq;
	u32 val;
};

struct foo_msg *foo_msg_new(size_t len)
{
	struct foo_msg *msg = kmalloc(struct_size(msg, data, len), GFP_KERNEL);

	if (msg)
		msg->len = len;
	return msg;
}

struct foo_slot *foo_slots_new(unsigned int n)
{
	return vzalloc(array_size(n, sizeof(struct foo_slot)));
}

struct foo_slot *foo_slots_fixed(void)
{
	return kzalloc(FOO_NR_SLOTS * sizeof(struct foo_slot), GFP_KERNEL);
}

struct foo_slot *foo_slots_default(bool big)
{
	unsigned int n = 4;

	if (big)
		n = FOO_NR_SLOTS;
	return kmalloc(n * sizeof(struct foo_slot), GFP_KERNEL);
}

MODULE_LICENSE("GPL");
