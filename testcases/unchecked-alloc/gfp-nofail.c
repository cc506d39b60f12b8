// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc must honour __GFP_NOFAIL: the allocator then never
 * returns NULL, so `p = krealloc(p, n, GFP_KERNEL | __GFP_NOFAIL);
 * p[i] = x;` and an unchecked kmalloc(n, GFP_KERNEL | __GFP_NOFAIL) are
 * correct code: silent. The same without __GFP_NOFAIL is reported.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/overflow.h>

struct foo_hdr {
	u32 magic;
	u32 len;
};

struct foo_ids {
	u32 *id;
	unsigned int nr;
};

void foo_ids_add_good(struct foo_ids *ids, u32 id)
{
	u32 *p = ids->id;

	p = krealloc(p, array_size(ids->nr + 1, sizeof(*p)),
		     GFP_KERNEL | __GFP_NOFAIL);
	p[ids->nr++] = id;
	ids->id = p;
}

struct foo_hdr *foo_hdr_new_good(u32 len)
{
	struct foo_hdr *h = kmalloc(sizeof(*h), GFP_KERNEL | __GFP_NOFAIL);

	h->magic = 0x464f4f21;
	h->len = len;
	return h;
}

void foo_ids_add_bad(struct foo_ids *ids, u32 id)
{
	u32 *p = krealloc(ids->id, array_size(ids->nr + 1, sizeof(*p)),
			  GFP_KERNEL);

	p[ids->nr] = id; /* expect: unchecked-alloc */
	ids->nr++;
	ids->id = p;
}

struct foo_hdr *foo_hdr_new_bad(u32 len)
{
	struct foo_hdr *h = kmalloc(sizeof(*h), GFP_KERNEL);

	h->magic = 0x464f4f21; /* expect: unchecked-alloc */
	h->len = len;
	return h;
}

MODULE_LICENSE("GPL");
