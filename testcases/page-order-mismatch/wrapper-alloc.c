// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch through a local allocation wrapper: foo_ring_alloc()
 * returns zeroed order-2 pages; foo_ring_bad() releases the result with
 * free_page() (order 0) when the ring cannot be used. The order comes from
 * the wrapper's body. foo_ring_good() releases with FOO_RING_ORDER.
 */
#include <linux/module.h>
#include <linux/gfp.h>

#define FOO_RING_ORDER	2

struct foo_dev {
	void *ring;
	bool ready;
};

static unsigned long foo_ring_alloc(void)
{
	return __get_free_pages(GFP_KERNEL | __GFP_ZERO, FOO_RING_ORDER);
}

int foo_ring_bad(struct foo_dev *fd)
{
	unsigned long ring = foo_ring_alloc();

	if (!ring)
		return -ENOMEM;
	if (!fd->ready) {
		free_page(ring); /* expect: page-order-mismatch */
		return -ENODEV;
	}
	fd->ring = (void *)ring;
	return 0;
}

int foo_ring_good(struct foo_dev *fd)
{
	unsigned long ring = foo_ring_alloc();

	if (!ring)
		return -ENOMEM;
	if (!fd->ready) {
		free_pages(ring, FOO_RING_ORDER);
		return -ENODEV;
	}
	fd->ring = (void *)ring;
	return 0;
}

void foo_ring_exit(struct foo_dev *fd)
{
	free_pages((unsigned long)fd->ring, FOO_RING_ORDER);
	fd->ring = NULL;
}

MODULE_LICENSE("GPL");
