// SPDX-License-Identifier: GPL-2.0
/*
 * KMB descriptor-ring NIC: the ring library.  Allocation wrappers that
 * return NULL on failure, and teardown helpers that free what a ring
 * holds.  Its callers are in kmb_xfr_main.c.
 */

#include <linux/slab.h>
#include <linux/string.h>

#include "kmb_xfr.h"

/* a zeroed descriptor array: NULL when the allocation fails */
void *kmb_xfr_zalloc_desc(unsigned int count)
{
	return kcalloc(count, sizeof(struct kmb_xfr_desc), GFP_KERNEL);
}

struct kmb_xfr_ring *kmb_xfr_ring_new(unsigned int size)
{
	struct kmb_xfr_ring *ring;

	ring = kzalloc(sizeof(*ring), GFP_KERNEL);
	if (!ring)
		return NULL;
	ring->size = size;
	return ring;
}

/* frees the buffer array; the caller must not touch ring->bufs again */
void kmb_xfr_ring_release_bufs(struct kmb_xfr_ring *ring)
{
	unsigned int i;

	for (i = 0; i < ring->size; i++)
		kfree(ring->bufs[i]);
	kfree(ring->bufs);
}

void kmb_xfr_ring_destroy(struct kmb_xfr_ring *ring)
{
	kfree(ring->desc);
	kfree(ring);
}

int kmb_xfr_ring_fill(struct kmb_xfr_ring *ring)
{
	unsigned int i;

	ring->bufs = kcalloc(ring->size, sizeof(void *), GFP_KERNEL);
	if (!ring->bufs)
		return -ENOMEM;
	for (i = 0; i < ring->size; i++) {
		ring->bufs[i] = kmalloc(KMB_XFR_BUF_LEN, GFP_KERNEL);
		if (!ring->bufs[i])
			goto unwind;
	}
	return 0;
unwind:
	while (i--)
		kfree(ring->bufs[i]);
	kfree(ring->bufs);
	ring->bufs = NULL;
	return -ENOMEM;
}
