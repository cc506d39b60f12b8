// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/chelsio/cxgb4/cxgb4_main.c,
 * adap_config_hma()): sg_set_page() keeps the page in the entry's
 * page_link as a tagged address, the entry's SG_CHAIN/SG_END bits or'ed
 * into the page's address (sg_assign_page(): page_link | (unsigned long)
 * page).  The or is still the page: storing it into the table hands the
 * page over.  foo_fill_good() is silent.  foo_fill_bad() skips the entry
 * of one page and loses it.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/scatterlist.h>

int foo_fill_good(struct sg_table *sgt, unsigned int order)
{
	struct scatterlist *iter;
	struct page *page;
	int i;

	for_each_sg(sgt->sgl, iter, sgt->orig_nents, i) {
		page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		if (!page)
			return -ENOMEM;
		sg_set_page(iter, page, PAGE_SIZE << order, 0);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(foo_fill_good);

int foo_fill_bad(struct sg_table *sgt, unsigned int order, int skip)
{
	struct scatterlist *iter;
	struct page *page;
	int i;

	for_each_sg(sgt->sgl, iter, sgt->orig_nents, i) {
		page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		if (!page)
			return -ENOMEM;
		if (i == skip)
			continue; /* expect: alloc-leak */
		sg_set_page(iter, page, PAGE_SIZE << order, 0);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(foo_fill_bad);
MODULE_LICENSE("GPL");
