// SPDX-License-Identifier: GPL-2.0
/*
 * memunmap() of an address in the ioremap area is iounmap()
 * (kernel/iomem.c: is_ioremap_addr()), so it is the one release for a
 * pointer that comes from ioremap_encrypted() or memremap() (amd iommu
 * copy_device_table(): `old_devtb = sme ? ioremap_encrypted(...) :
 * memremap(...)`, later memunmap(old_devtb)): silent.  iounmap() of a
 * memremap() of RAM is not: it is a free-mismatch.
 */
#include <linux/module.h>
#include <linux/io.h>
#include <linux/mm.h>

static bool qux_encrypted;
module_param(qux_encrypted, bool, 0444);

int qux_copy_table(phys_addr_t pa, size_t size, u64 *out)
{
	void *old;

	old = qux_encrypted ?
	      (__force void *)ioremap_encrypted(pa, size) :
	      memremap(pa, size, MEMREMAP_WB);
	if (!old)
		return -ENOMEM;
	*out = *(u64 *)old;
	memunmap(old);
	return 0;
}

int qux_read_ram_bad(phys_addr_t pa, size_t size, u64 *out)
{
	void *p = memremap(pa, size, MEMREMAP_WB);

	if (!p)
		return -ENOMEM;
	*out = *(u64 *)p;
	iounmap((void __iomem *)p); /* expect: free-mismatch */
	return 0;
}

MODULE_LICENSE("GPL");
