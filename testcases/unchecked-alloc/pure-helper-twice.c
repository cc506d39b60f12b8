// SPDX-License-Identifier: GPL-2.0
/*
 * A block stored through a pure pointer helper and tested through a
 * second call of it with the same arguments (hfi1
 * hfi1_ipoib_txreq_init(): `hfi1_txreq_from_idx(tx_ring, j)->sdma_hdr =
 * kzalloc_node(...); if (!hfi1_txreq_from_idx(tx_ring, j)->sdma_hdr)
 * goto free_txqs;`): the two calls return one element, so the test is
 * of the block stored (silent).  The bad twin tests the element of
 * another index, and the block stays unchecked while
 * quux_ring_first() dereferences the field.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct quux_item {
	u32 *hdr;
	int len;
};

struct quux_ring {
	void *items;
	u32 shift;
	u32 n;
};

static struct quux_item *quux_item_at(struct quux_ring *r, u32 idx)
{
	return (struct quux_item *)(r->items + (idx << r->shift));
}

int quux_ring_init(struct quux_ring *r)
{
	u32 j;

	for (j = 0; j < r->n; j++) {
		quux_item_at(r, j)->hdr = kzalloc(64, GFP_KERNEL);
		if (!quux_item_at(r, j)->hdr)
			return -ENOMEM;
	}
	return 0;
}

int quux_ring_init_bad(struct quux_ring *r, u32 first)
{
	u32 j;

	for (j = 0; j < r->n; j++) {
		quux_item_at(r, j)->hdr = kzalloc(64, GFP_KERNEL); /* expect: unchecked-alloc */
		if (!quux_item_at(r, first)->hdr)
			return -ENOMEM;
	}
	return 0;
}

u32 quux_ring_first(struct quux_ring *r)
{
	return *quux_item_at(r, 0)->hdr;
}

MODULE_LICENSE("GPL");
