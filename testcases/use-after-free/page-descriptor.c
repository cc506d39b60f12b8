// SPDX-License-Identifier: GPL-2.0
/*
 * A struct page describes the memory, and lives in the memmap for as
 * long as the machine runs: reading it after __free_page() is not a use
 * of freed memory.  free_reserved_page() in linux/mm.h does
 * __free_page(page) and then adjust_managed_page_count(page, 1), and
 * balloon drivers (hv_balloon's free_balloon_pages()) do the same.
 * Writing into the page's memory after the free is still a bug:
 * foo_fill_bad() clears the page it has just given back.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/string.h>

struct foo_dev {
	unsigned long ballooned;
};

void foo_give_back(struct foo_dev *fd, unsigned long pfn, int n)
{
	struct page *pg;
	int i;

	for (i = 0; i < n; i++) {
		pg = pfn_to_page(pfn + i);
		__ClearPageOffline(pg);
		__free_page(pg);
		fd->ballooned--;
		adjust_managed_page_count(pg, 1);
	}
}

int foo_zone_after_free(struct foo_dev *fd)
{
	struct page *pg = alloc_page(GFP_KERNEL);
	int nid;

	if (!pg)
		return -ENOMEM;
	__free_page(pg);
	nid = page_to_nid(pg);
	fd->ballooned = nid;
	return 0;
}

int foo_fill_bad(struct foo_dev *fd)
{
	struct page *pg = alloc_page(GFP_KERNEL);
	void *va;

	if (!pg)
		return -ENOMEM;
	va = page_address(pg);
	__free_page(pg);
	memset(va, 0, PAGE_SIZE); /* expect: use-after-free */
	fd->ballooned++;
	return 0;
}

int foo_fill_good(struct foo_dev *fd)
{
	struct page *pg = alloc_page(GFP_KERNEL);
	void *va;

	if (!pg)
		return -ENOMEM;
	va = page_address(pg);
	memset(va, 0, PAGE_SIZE);
	__free_page(pg);
	fd->ballooned++;
	return 0;
}

MODULE_LICENSE("GPL");
