// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the check is written `if (p == NULL)`.
 * In foo_bad() the comparison tests the wrong way round (`!= NULL` only
 * logs), so the NULL path reaches the dereference.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_desc {
	u32 addr;
	u32 len;
};

struct foo_ring {
	struct foo_desc *desc;
};

int foo_ring_init_bad(struct foo_ring *ring)
{
	struct foo_desc *desc;

	desc = kzalloc(sizeof(*desc), GFP_KERNEL);
	if (desc != NULL)
		pr_debug("foo: descriptor at %p\n", desc);
	desc->len = 64; /* expect: unchecked-alloc */
	ring->desc = desc;
	return 0;
}

int foo_ring_init_good(struct foo_ring *ring)
{
	struct foo_desc *desc;

	desc = kzalloc(sizeof(*desc), GFP_KERNEL);
	if (desc == NULL)
		return -ENOMEM;
	desc->len = 64;
	ring->desc = desc;
	return 0;
}

MODULE_LICENSE("GPL");
