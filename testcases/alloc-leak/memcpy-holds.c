// SPDX-License-Identifier: GPL-2.0
/*
 * Blocks recorded in a staging array, then copied with memcpy() into the
 * array that keeps them, and the staging array freed (be2iscsi
 * beiscsi_alloc_mem(): the DMA buffers of mem_arr_orig[] go to
 * mem_descr->mem_array): what the source's memory held, the
 * destination's holds now, and the kfree() of the staging array loses
 * nothing (silent).  The bad twin's unwind frees the staging array and
 * not the buffers it records: they leak (reported at that kfree()).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>

struct corge_frag {
	void *va;
	dma_addr_t bus;
};

struct corge_desc {
	struct corge_frag *frags;
	int nfrags;
};

struct corge_hba {
	struct device *dev;
	struct corge_desc *desc;
};

int corge_alloc_frags(struct corge_hba *h, int want)
{
	struct corge_frag *orig, *f;
	struct corge_desc *d = h->desc;
	dma_addr_t bus;
	int j = 0;

	d->frags = kmalloc_array(16, sizeof(*f), GFP_KERNEL);
	if (!d->frags)
		return -ENOMEM;
	orig = kcalloc(16, sizeof(*orig), GFP_KERNEL);
	if (!orig)
		return -ENOMEM;
	f = orig;
	do {
		f->va = dma_alloc_coherent(h->dev, PAGE_SIZE, &bus, GFP_KERNEL);
		if (!f->va)
			break;	/* fewer fragments */
		f->bus = bus;
		j++;
		f++;
	} while (j < want && j < 16);
	memcpy(d->frags, orig, sizeof(*f) * j);
	d->nfrags = j;
	kfree(orig);
	return 0;
}

int corge_alloc_frags_bad(struct corge_hba *h, int want)
{
	struct corge_frag *orig, *f;
	struct corge_desc *d = h->desc;
	dma_addr_t bus;
	int j = 0;

	orig = kcalloc(16, sizeof(*orig), GFP_KERNEL);
	if (!orig)
		return -ENOMEM;
	f = orig;
	do {
		f->va = dma_alloc_coherent(h->dev, PAGE_SIZE, &bus, GFP_KERNEL);
		if (!f->va)
			goto unwind;
		f->bus = bus;
		j++;
		f++;
	} while (j < want && j < 16);
	d->frags = kmalloc_array(j, sizeof(*f), GFP_KERNEL);
	if (!d->frags)
		goto unwind;
	memcpy(d->frags, orig, sizeof(*f) * j);
	d->nfrags = j;
	kfree(orig);
	return 0;
unwind:
	kfree(orig); /* expect: alloc-leak */
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
