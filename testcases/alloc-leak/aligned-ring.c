// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (rtlwifi pci.c _rtl_pci_init_tx_ring(), rtl8180 dev.c
 * rtl8180_init_rx_ring()): a fresh dma_alloc_coherent() ring is tested
 * for 256-byte alignment, `if (!desc || (unsigned long)desc & 0xFF)
 * return -ENOMEM;`.  The DMA API returns blocks aligned to the smallest
 * page order that holds the size, so the branch is only the NULL one and
 * owns nothing (the `align=` of the family's rules line).  A kmalloc()
 * block is only 8-byte aligned on x86-64: a 64-byte test of it may be
 * true, and the bad twin leaks it there.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

struct foo_desc {
	__le32 ctrl;
	__le32 addr;
};

struct foo_ring {
	struct foo_desc *desc;
	dma_addr_t dma;
	void *cookie;
	unsigned int entries;
};

int foo_init_ring_good(struct device *dev, struct foo_ring *ring,
		       unsigned int entries)
{
	struct foo_desc *desc;
	dma_addr_t desc_dma;

	desc = dma_alloc_coherent(dev, sizeof(*desc) * entries, &desc_dma,
				  GFP_KERNEL);
	if (!desc || (unsigned long)desc & 0xFF) {
		pr_err("cannot allocate ring\n");
		return -ENOMEM;
	}
	ring->desc = desc;
	ring->dma = desc_dma;
	ring->entries = entries;
	return 0;
}

int foo_init_cookie_bad(struct foo_ring *ring)
{
	void *cookie;

	cookie = kmalloc(96, GFP_KERNEL);
	if (!cookie || (unsigned long)cookie & 0x3F) { /* expect-note: alloc-leak */
		pr_err("cannot allocate an aligned cookie\n"); /* expect: alloc-leak */
		return -ENOMEM;
	}
	ring->cookie = cookie;
	return 0;
}

int foo_init_ring_field_good(struct device *dev, struct foo_ring *ring,
			     unsigned int entries)
{
	ring->desc = dma_alloc_coherent(dev, sizeof(*ring->desc) * entries,
					&ring->dma, GFP_KERNEL);
	if (!ring->desc || (unsigned long)ring->desc & 0xFF)
		return -ENOMEM;
	ring->entries = entries;
	return 0;
}

MODULE_LICENSE("GPL");
