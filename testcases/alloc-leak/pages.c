// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of page allocations: __get_free_page() returns an address,
 * 0 when it fails (a 0 address owns nothing), alloc_page() a struct page
 * or NULL.  foo_setup_bad() leaks the status page when the page for the
 * ring cannot be had; foo_setup_good() frees it there.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct foo_dev {
	unsigned long status;
	struct page *ring;
};

int foo_setup_bad(struct foo_dev *fd)
{
	unsigned long status;
	struct page *ring;

	status = __get_free_page(GFP_KERNEL);
	if (!status)
		return -ENOMEM;
	ring = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!ring) /* expect-note: alloc-leak */
		return -ENOMEM; /* expect: alloc-leak */
	fd->status = status;
	fd->ring = ring;
	return 0;
}

int foo_setup_good(struct foo_dev *fd)
{
	unsigned long status;
	struct page *ring;

	status = __get_free_page(GFP_KERNEL);
	if (!status)
		return -ENOMEM;
	ring = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!ring) {
		free_page(status);
		return -ENOMEM;
	}
	fd->status = status;
	fd->ring = ring;
	return 0;
}

MODULE_LICENSE("GPL");
