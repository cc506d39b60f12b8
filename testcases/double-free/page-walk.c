// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and pages freed one by one over a range the function was
 * given.  Each step of the walk names another page, so each page is freed
 * once: free_balloon_pages() of hv_balloon (pfn_to_page(i + start)),
 * msc_buffer_contig_free() of intel_th (virt_to_page(base + off)) and the
 * error path of nvmet_rdma_alloc_inline_pages() (sg_page(sg) with sg--).
 * The bad twins free the same page at each step: the index is not used,
 * or the walk is undone before the free.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>

struct foo_range {
	void *base;
	unsigned long nr_pages;
	unsigned long start_pfn;
};

void foo_free_pfns_good(struct foo_range *r, int n)
{
	struct page *pg;
	int i;

	for (i = 0; i < n; i++) {
		pg = pfn_to_page(i + r->start_pfn);
		__free_page(pg);
	}
}

void foo_free_pfns_bad(struct foo_range *r, int n)
{
	struct page *pg;
	int i;

	for (i = 0; i < n; i++) {
		pg = pfn_to_page(r->start_pfn);
		__free_page(pg); /* expect: double-free */
	}
}

void foo_free_contig_good(struct foo_range *r)
{
	unsigned long off;

	for (off = 0; off < r->nr_pages << PAGE_SHIFT; off += PAGE_SIZE) {
		struct page *page = virt_to_page(r->base + off);

		page->mapping = NULL;
		__free_page(page);
	}
}

void foo_free_contig_bad(struct foo_range *r)
{
	struct page *page = virt_to_page(r->base);

	page->mapping = NULL;
	__free_page(page);
	if (r->nr_pages > 1)
		__free_page(virt_to_page(r->base)); /* expect: double-free */
}

void foo_unwind_sg_good(struct scatterlist *sg, int i)
{
	for (; i >= 0; i--, sg--) {
		if (sg_page(sg))
			__free_page(sg_page(sg));
	}
}

void foo_unwind_sg_bad(struct scatterlist *sg, int i)
{
	for (; i >= 0; i--) {
		if (sg_page(sg))
			__free_page(sg_page(sg)); /* expect: double-free */
	}
}

MODULE_LICENSE("GPL");
