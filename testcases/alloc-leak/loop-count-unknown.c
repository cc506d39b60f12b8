// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (rt2x00mmio.c, rt2x00mmio_alloc_queue_dma()): one coherent
 * block holds the descriptors of a whole queue, and a loop over the
 * queue's entries stores each entry's slice of it (addr + i * desc_size)
 * into the entry.  The count is the queue's size, never 0 for a queue
 * that has entries: the path that runs the loop zero times is not a
 * leak to report.  foo_alloc_queue_dma_good() must stay silent.
 * foo_alloc_ring_bad() leaks on a path that does not depend on the loop
 * (the hardware rejects the ring after it was filled in), and is
 * reported.
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>

struct foo_entry_priv {
	void *desc;
	dma_addr_t desc_dma;
};

struct foo_entry {
	struct foo_entry_priv *priv_data;
};

struct foo_queue {
	struct foo_entry *entries;
	unsigned int limit;
	unsigned int desc_size;
};

struct foo_dev {
	struct device *dev;
	bool ring_ok;
};

int foo_alloc_queue_dma_good(struct foo_dev *fd, struct foo_queue *queue)
{
	struct foo_entry_priv *entry_priv;
	void *addr;
	dma_addr_t dma;
	unsigned int i;

	addr = dma_alloc_coherent(fd->dev, queue->limit * queue->desc_size,
				  &dma, GFP_KERNEL);
	if (!addr)
		return -ENOMEM;
	for (i = 0; i < queue->limit; i++) {
		entry_priv = queue->entries[i].priv_data;
		entry_priv->desc = addr + i * queue->desc_size;
		entry_priv->desc_dma = dma + i * queue->desc_size;
	}
	return 0;
}

int foo_alloc_ring_bad(struct foo_dev *fd, struct foo_queue *queue)
{
	struct foo_entry_priv *entry_priv;
	void *addr;
	dma_addr_t dma;
	unsigned int i;

	addr = dma_alloc_coherent(fd->dev, queue->limit * queue->desc_size,
				  &dma, GFP_KERNEL);
	if (!addr)
		return -ENOMEM;
	if (!fd->ring_ok) /* expect-note: alloc-leak */
		return -EIO; /* expect: alloc-leak */
	for (i = 0; i < queue->limit; i++) {
		entry_priv = queue->entries[i].priv_data;
		entry_priv->desc = addr + i * queue->desc_size;
		entry_priv->desc_dma = dma + i * queue->desc_size;
	}
	return 0;
}

MODULE_LICENSE("GPL");
