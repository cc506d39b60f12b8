// SPDX-License-Identifier: GPL-2.0
/*
 * A page block seen through its coordinates: page_address(page), and
 * virt_to_page(addr), which is vmemmap + (__pa(addr) >> PAGE_SHIFT), are
 * the same block.  FP class (drivers/net/ethernet/netronome/nfp/nfd3/dp.c,
 * nfp_nfd3_napi_alloc_one()): the receive buffer is a page's address, and
 * the error path frees it through a helper, __free_page(virt_to_page(
 * frag)).  foo_alloc_one_good(), foo_addr_good() and foo_page_good() are
 * silent (free_pages() of an alloc_pages() block's address and
 * __free_pages() of virt_to_page() of a __get_free_pages() address are
 * right, no free-mismatch).  foo_alloc_one_bad() forgets the page on the
 * mapping error.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/skbuff.h>

struct foo_dp {
	void *xdp_prog;
	unsigned int bufsz;
	int bad_map;
};

static inline void foo_free_frag(void *frag, bool xdp)
{
	if (!xdp)
		skb_free_frag(frag);
	else
		__free_page(virt_to_page(frag));
}

void *foo_alloc_one_good(struct foo_dp *dp)
{
	void *frag;

	if (!dp->xdp_prog) {
		frag = netdev_alloc_frag(dp->bufsz);
		if (!frag)
			return NULL;
	} else {
		struct page *page;

		page = dev_alloc_page();
		if (!page)
			return NULL;
		frag = page_address(page);
	}
	if (dp->bad_map) {
		foo_free_frag(frag, dp->xdp_prog);
		return NULL;
	}
	return frag;
}
EXPORT_SYMBOL_GPL(foo_alloc_one_good);

void *foo_alloc_one_bad(struct foo_dp *dp)
{
	struct page *page;
	void *frag;

	page = dev_alloc_page();
	if (!page)
		return NULL;
	frag = page_address(page);
	if (dp->bad_map)
		return NULL; /* expect: alloc-leak */
	return frag;
}
EXPORT_SYMBOL_GPL(foo_alloc_one_bad);

int foo_addr_good(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	void *buf;

	if (!page)
		return -ENOMEM;
	buf = page_address(page);
	memset(buf, 0, 2 * PAGE_SIZE);
	free_pages((unsigned long)buf, 1);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_addr_good);

int foo_page_good(void)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1);

	if (!addr)
		return -ENOMEM;
	__free_pages(virt_to_page((void *)addr), 1);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_page_good);
MODULE_LICENSE("GPL");
