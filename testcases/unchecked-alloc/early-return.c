// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: several allocations, each followed by an early return
 * that frees what came before. foo_bad() forgets the early return for
 * the second one.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ring {
	void *desc;
	unsigned int size;
};

struct foo_nic {
	struct foo_ring *rx;
	struct foo_ring *tx;
};

int foo_rings_bad(struct foo_nic *nic)
{
	struct foo_ring *rx, *tx;

	rx = kzalloc(sizeof(*rx), GFP_KERNEL);
	if (!rx)
		return -ENOMEM;
	tx = kzalloc(sizeof(*tx), GFP_KERNEL);
	rx->size = 512;
	tx->size = 512; /* expect: unchecked-alloc */
	nic->rx = rx;
	nic->tx = tx;
	return 0;
}

int foo_rings_good(struct foo_nic *nic)
{
	struct foo_ring *rx, *tx;

	rx = kzalloc(sizeof(*rx), GFP_KERNEL);
	if (!rx)
		return -ENOMEM;
	tx = kzalloc(sizeof(*tx), GFP_KERNEL);
	if (!tx) {
		kfree(rx);
		return -ENOMEM;
	}
	rx->size = 512;
	tx->size = 512;
	nic->rx = rx;
	nic->tx = tx;
	return 0;
}

MODULE_LICENSE("GPL");
