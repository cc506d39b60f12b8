// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free in a goto unwind ladder: the labels free the queue's
 * buffers and the queue, and the last label, meant to undo the queue
 * count, decrements it through the freed queue. foo_queue_good()'s
 * ladder touches the queue before freeing it.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	unsigned int nr_queues;
};

struct foo_queue {
	struct foo_dev *fd;
	void *ring;
	void *stats;
};

int foo_queue_bad(struct foo_dev *fd, size_t len, struct foo_queue **out)
{
	struct foo_queue *q = kzalloc(sizeof(*q), GFP_KERNEL);

	if (!q)
		return -ENOMEM;
	q->fd = fd;
	fd->nr_queues++;
	q->ring = kzalloc(len, GFP_KERNEL);
	if (!q->ring)
		goto err_q;
	q->stats = kzalloc(64, GFP_KERNEL);
	if (!q->stats)
		goto err_ring;
	*out = q;
	return 0;

err_ring:
	kfree(q->ring);
err_q:
	kfree(q);
	q->fd->nr_queues--; /* expect: use-after-free */
	return -ENOMEM;
}

int foo_queue_good(struct foo_dev *fd, size_t len, struct foo_queue **out)
{
	struct foo_queue *q = kzalloc(sizeof(*q), GFP_KERNEL);

	if (!q)
		return -ENOMEM;
	q->fd = fd;
	fd->nr_queues++;
	q->ring = kzalloc(len, GFP_KERNEL);
	if (!q->ring)
		goto err_q;
	q->stats = kzalloc(64, GFP_KERNEL);
	if (!q->stats)
		goto err_ring;
	*out = q;
	return 0;

err_ring:
	kfree(q->ring);
err_q:
	q->fd->nr_queues--;
	kfree(q);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
