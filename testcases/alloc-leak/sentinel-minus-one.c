// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (hyperv_fb.c's hvfb_getmem()): a helper returns the physical
 * address of the pages it allocated, or (phys_addr_t)-1 where it
 * allocated nothing.  The caller's edge where the result equals -1 is the
 * failure's, as a NULL test's: the fallback that maps the device's memory
 * instead loses nothing (silent).  A caller that tests for -1 and then
 * returns an error without the pages still leaks them.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>

struct foo_par {
	phys_addr_t mem_phys;
	void *mem;
	void __iomem *mmio;
	unsigned int size;
};

static struct foo_par foo_par;

static phys_addr_t foo_get_phymem(unsigned int size)
{
	struct page *page;
	phys_addr_t paddr;

	if (!size)
		return -1;
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, get_order(size));
	if (!page)
		return -1;
	paddr = page_to_pfn(page) << PAGE_SHIFT;
	return paddr;
}

static int foo_getmem_good(struct foo_par *par)
{
	phys_addr_t paddr = foo_get_phymem(par->size);

	if (paddr != (phys_addr_t)-1) {
		par->mem_phys = paddr;
		par->mem = __va(paddr);
		return 0;
	}
	/* no contiguous memory: use the device's */
	par->mmio = ioremap(0xfd000000, par->size);
	if (!par->mmio)
		return -ENOMEM;
	return 0;
}

static int foo_getmem_bad(struct foo_par *par)
{
	phys_addr_t paddr = foo_get_phymem(par->size);

	if (paddr == (phys_addr_t)-1)
		return -ENOMEM;
	if (par->size > SZ_1M)
		return -EINVAL; /* expect: alloc-leak */
	par->mem_phys = paddr;
	par->mem = __va(paddr);
	return 0;
}

static int __init foo_init(void)
{
	foo_par.size = PAGE_SIZE;
	if (foo_getmem_good(&foo_par))
		return -ENOMEM;
	return foo_getmem_bad(&foo_par);
}

module_init(foo_init);
MODULE_LICENSE("GPL");
