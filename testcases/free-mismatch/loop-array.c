// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch in a loop: one kvzalloc() buffer per queue, and the
 * unwind loop of foo_queues_bad() releases them with kfree() (wrong when
 * kvzalloc() fell back to vmalloc). foo_queues_good() and
 * foo_queues_free() use kvfree().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mm.h>

#define FOO_NR_QUEUES	16

struct foo_queues {
	void *q[FOO_NR_QUEUES];
};

int foo_queues_bad(struct foo_queues *fq, size_t qsize)
{
	int i;

	for (i = 0; i < FOO_NR_QUEUES; i++) {
		fq->q[i] = kvzalloc(qsize, GFP_KERNEL);
		if (!fq->q[i])
			goto unwind;
	}
	return 0;

unwind:
	for (i--; i >= 0; i--)
		kfree(fq->q[i]); /* expect: free-mismatch */
	return -ENOMEM;
}

int foo_queues_good(struct foo_queues *fq, size_t qsize)
{
	int i;

	for (i = 0; i < FOO_NR_QUEUES; i++) {
		fq->q[i] = kvzalloc(qsize, GFP_KERNEL);
		if (!fq->q[i])
			goto unwind;
	}
	return 0;

unwind:
	for (i--; i >= 0; i--)
		kvfree(fq->q[i]);
	return -ENOMEM;
}

void foo_queues_free(struct foo_queues *fq)
{
	int i;

	for (i = 0; i < FOO_NR_QUEUES; i++)
		kvfree(fq->q[i]);
}

MODULE_LICENSE("GPL");
