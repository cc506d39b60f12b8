// SPDX-License-Identifier: GPL-2.0
/*
 * page_to_virt(page) is arithmetic on the page's index in the memory map
 * (((page - vmemmap_base) << PAGE_SHIFT) + page_offset_base on x86-64):
 * the linear address of the same block.  Storing it in the ring stores
 * the page (drivers/net/ethernet/microsoft/mana/mana_en.c
 * mana_pre_alloc_rxbufs()); so does storing its frame number.
 * foo_fill_bad() returns before storing the address and loses the page.
 */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/skbuff.h>

struct foo_ring {
	void **bufs;
	unsigned long *pfns;
	unsigned int n;
	bool stopped;
};

int foo_fill_bad(struct foo_ring *r, unsigned int i)
{
	struct page *page;
	void *va;

	page = dev_alloc_pages(0);
	if (!page)
		return -ENOMEM;
	va = page_to_virt(page);
	memset(va, 0, PAGE_SIZE);
	if (r->stopped)
		return -ESHUTDOWN; /* expect: alloc-leak */
	r->bufs[i] = va;
	return 0;
}

int foo_fill_good(struct foo_ring *r, unsigned int i)
{
	struct page *page;
	void *va;

	page = dev_alloc_pages(0);
	if (!page)
		return -ENOMEM;
	va = page_to_virt(page);
	memset(va, 0, PAGE_SIZE);
	if (r->stopped) {
		put_page(page);
		return -ESHUTDOWN;
	}
	r->bufs[i] = va;
	return 0;
}

int foo_fill_pfn_good(struct foo_ring *r, unsigned int i)
{
	struct page *page = dev_alloc_pages(0);

	if (!page)
		return -ENOMEM;
	r->pfns[i] = page_to_pfn(page);
	return 0;
}

MODULE_LICENSE("GPL");
