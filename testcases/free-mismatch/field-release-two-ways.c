// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (esas2r esas2r_initmem_free(), drivers/scsi, ledger row): every
 * store of struct foo_mem::data is dma_alloc_coherent(), and the release
 * helper picks dma_free_coherent() where phys is set and kfree() where it
 * is not.  The kfree() branch is dead code for this memory (phys is the
 * DMA handle, never 0), or serves a store kmemlint does not see: the
 * function chooses between two deallocators by a test kmemlint does not
 * relate to the allocation, so foo_mem_free() is silent.
 *
 * Twin: bar_mem_free() releases struct bar_mem::data, also always
 * dma_alloc_coherent() memory, with kfree() alone: reported.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

struct foo_mem {
	void *virt;
	void *data;
	u64 phys;
	u32 size;
};

struct bar_mem {
	void *data;
	dma_addr_t dma;
	u32 size;
};

bool foo_mem_alloc(struct device *dev, struct foo_mem *m, u32 size);
bool foo_mem_alloc(struct device *dev, struct foo_mem *m, u32 size)
{
	dma_addr_t dma;

	m->data = dma_alloc_coherent(dev, size + 64, &dma, GFP_KERNEL);
	if (!m->data)
		return false;
	m->size = size + 64;
	m->phys = ALIGN(dma, 64);
	m->virt = PTR_ALIGN(m->data, 64);
	return true;
}

void foo_mem_free(struct device *dev, struct foo_mem *m);
void foo_mem_free(struct device *dev, struct foo_mem *m)
{
	if (!m->virt)
		return;
	if (m->phys) {
		int unalign = (u8 *)m->virt - (u8 *)m->data;

		dma_free_coherent(dev, m->size, m->data,
				  (dma_addr_t)(m->phys - unalign));
	} else {
		kfree(m->data);
	}
	m->virt = NULL;
}

bool bar_mem_alloc(struct device *dev, struct bar_mem *m, u32 size);
bool bar_mem_alloc(struct device *dev, struct bar_mem *m, u32 size)
{
	m->data = dma_alloc_coherent(dev, size, &m->dma, GFP_KERNEL);
	if (!m->data)
		return false;
	m->size = size;
	return true;
}

void bar_mem_free(struct device *dev, struct bar_mem *m);
void bar_mem_free(struct device *dev, struct bar_mem *m)
{
	if (!m->data)
		return;
	kfree(m->data); /* expect: free-mismatch */
	m->data = NULL;
}

MODULE_LICENSE("GPL");
