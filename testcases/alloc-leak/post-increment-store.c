// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and x++ as a value: pages[i++] = page++ stores the page that
 * page held before the step into slot i, the slot before the step
 * (ipu3-dmamap.c imgu_dmamap_alloc_buffer(), memalloc.c's
 * *pagep++ = curp++).  foo_fill_good() and foo_fill_ptr_good() keep every
 * page they allocate; foo_fill_bad() returns early with one it did not
 * store.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>

int foo_fill_good(struct page **pages, unsigned int count)
{
	unsigned int i = 0;

	while (count) {
		struct page *page = alloc_pages(GFP_KERNEL, 1);
		unsigned int n = 2;

		if (!page)
			return -ENOMEM;
		split_page(page, 1);
		count -= min(count, n);
		while (n--)
			pages[i++] = page++;
	}
	return 0;
}

int foo_fill_ptr_good(struct page **pagep, unsigned int count)
{
	while (count--) {
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page)
			return -ENOMEM;
		*pagep++ = page;
	}
	return 0;
}

int foo_fill_bad(struct page **pages, unsigned int count, unsigned int max)
{
	unsigned int i = 0;

	while (count--) {
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page)
			return -ENOMEM;
		if (i == max)
			return -ENOSPC; /* expect: alloc-leak */
		pages[i++] = page;
	}
	return 0;
}

MODULE_LICENSE("GPL");
