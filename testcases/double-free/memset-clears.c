// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and memset(): a helper that frees ptr->addr and then clears
 * the whole descriptor with memset(ptr, 0, sizeof(*ptr)) leaves
 * ptr->addr NULL, so its early return makes a second call free nothing
 * (il4965_free_dma_ptr() of iwlegacy, called twice on the unwind of
 * il4965_hw_nic_init()'s callers).  foo_teardown_bad() calls a helper
 * that clears only the size, and frees the buffer twice.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>

struct foo_dma_ptr {
	void *addr;
	dma_addr_t dma;
	size_t size;
};

struct foo_dev {
	struct device *dev;
	struct foo_dma_ptr kw;
};

static void foo_free_dma_ptr(struct foo_dev *f, struct foo_dma_ptr *ptr)
{
	if (unlikely(!ptr->addr))
		return;
	dma_free_coherent(f->dev, ptr->size, ptr->addr, ptr->dma);
	memset(ptr, 0, sizeof(*ptr));
}

void foo_teardown_good(struct foo_dev *f)
{
	foo_free_dma_ptr(f, &f->kw);
	foo_free_dma_ptr(f, &f->kw);
}

static void foo_free_dma_size(struct foo_dev *f, struct foo_dma_ptr *ptr)
{
	if (unlikely(!ptr->addr))
		return;
	dma_free_coherent(f->dev, ptr->size, ptr->addr, ptr->dma);
	memset(&ptr->size, 0, sizeof(ptr->size));
}

void foo_teardown_bad(struct foo_dev *f)
{
	foo_free_dma_size(f, &f->kw);
	foo_free_dma_size(f, &f->kw); /* expect: double-free */
}

void foo_buf_good(struct foo_dma_ptr *ptr)
{
	kfree(ptr->addr);
	memset(ptr, 0, sizeof(*ptr));
	kfree(ptr->addr);
}

MODULE_LICENSE("GPL");
