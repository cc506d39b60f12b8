// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc() then memset(p, 0, size) of the whole block is a kzalloc()
 * only where every way from the allocation clears the block before it
 * uses it.  cxgb4's write_tpt_entry() clears the entry when it resets
 * it and sets every field one by one otherwise: a kzalloc() would only
 * add a clear on the common path (silent).  The bad twin clears on
 * both branches.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct garply_tpte {
	__be32 valid;
	__be32 len;
	__be32 addr_hi;
	__be32 addr_lo;
};

int garply_write(u32 len, u64 addr, bool reset,
		 int (*send)(struct garply_tpte *t))
{
	struct garply_tpte *t;
	int ret;

	t = kmalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	if (reset) {
		memset(t, 0, sizeof(*t));
	} else {
		t->valid = cpu_to_be32(1);
		t->len = cpu_to_be32(len);
		t->addr_hi = cpu_to_be32(upper_32_bits(addr));
		t->addr_lo = cpu_to_be32(lower_32_bits(addr));
	}
	ret = send(t);
	kfree(t);
	return ret;
}

int garply_write_bad(u32 len, bool reset, int (*send)(struct garply_tpte *t))
{
	struct garply_tpte *t;
	int ret;

	t = kmalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	if (reset) {
		memset(t, 0, sizeof(*t)); /* expect: deprecated-api */
	} else {
		memset(t, 0, sizeof(*t)); /* expect: deprecated-api */
		t->len = cpu_to_be32(len);
	}
	ret = send(t);
	kfree(t);
	return ret;
}

MODULE_LICENSE("GPL");
