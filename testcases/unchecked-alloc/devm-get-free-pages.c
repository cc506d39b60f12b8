// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: devm_get_free_pages() returns 0 on failure, like
 * __get_free_pages(); the pages are released at unbind.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#define FOO_RING_ORDER	1

struct foo_ring {
	u64 *desc;
	unsigned int nr;
};

int foo_ring_alloc_bad(struct device *dev, struct foo_ring *ring)
{
	unsigned long addr = devm_get_free_pages(dev, GFP_KERNEL, FOO_RING_ORDER);
	u64 *desc = (u64 *)addr;

	desc[0] = 0; /* expect: unchecked-alloc */
	ring->desc = desc;
	ring->nr = (PAGE_SIZE << FOO_RING_ORDER) / sizeof(*desc);
	return 0;
}

int foo_ring_alloc_good(struct device *dev, struct foo_ring *ring)
{
	unsigned long addr = devm_get_free_pages(dev, GFP_KERNEL, FOO_RING_ORDER);
	u64 *desc;

	if (!addr)
		return -ENOMEM;
	desc = (u64 *)addr;
	desc[0] = 0;
	ring->desc = desc;
	ring->nr = (PAGE_SIZE << FOO_RING_ORDER) / sizeof(*desc);
	return 0;
}

MODULE_LICENSE("GPL");
