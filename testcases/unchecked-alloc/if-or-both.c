// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: two allocations tested together with `if (!p || !q)`.
 * foo_bad() allocates both but only tests the first one.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_queue {
	void *head;
	unsigned int depth;
};

struct foo_dev {
	struct foo_queue *rxq;
	struct foo_queue *txq;
};

int foo_queues_bad(struct foo_dev *fdev)
{
	struct foo_queue *rxq, *txq;

	rxq = kzalloc(sizeof(*rxq), GFP_KERNEL);
	txq = kzalloc(sizeof(*txq), GFP_KERNEL);
	if (!rxq) {
		kfree(txq);
		return -ENOMEM;
	}
	rxq->depth = 256;
	txq->depth = 256; /* expect: unchecked-alloc */
	fdev->rxq = rxq;
	fdev->txq = txq;
	return 0;
}

int foo_queues_good(struct foo_dev *fdev)
{
	struct foo_queue *rxq, *txq;

	rxq = kzalloc(sizeof(*rxq), GFP_KERNEL);
	txq = kzalloc(sizeof(*txq), GFP_KERNEL);
	if (!rxq || !txq) {
		kfree(rxq);
		kfree(txq);
		return -ENOMEM;
	}
	rxq->depth = 256;
	txq->depth = 256;
	fdev->rxq = rxq;
	fdev->txq = txq;
	return 0;
}

MODULE_LICENSE("GPL");
