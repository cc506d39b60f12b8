// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch through a wrapper that returns blocks of two families
 * (qib's qib_user_sdma_alloc_header()): from its DMA pool when the header
 * has the pool's size and the pool has one, else from kmalloc(), with the
 * DMA handle set to 0.  The caller releases by that handle: dma_pool_free()
 * when it is set, kfree() when not.  The caller cannot tell the family
 * from the call, so neither release is a mismatch (foo_hdr_send).  A
 * wrapper of one family (only the pool) released with kfree() is
 * (foo_pool_send_bad).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/dmapool.h>

#define FOO_HDR_LEN	64

struct foo_queue {
	struct dma_pool *pool;
};

static void *foo_hdr_alloc(struct foo_queue *q, size_t len, dma_addr_t *dma)
{
	void *hdr = NULL;

	if (len == FOO_HDR_LEN)
		hdr = dma_pool_alloc(q->pool, GFP_KERNEL, dma);
	if (!hdr) {
		hdr = kmalloc(len, GFP_KERNEL);
		if (!hdr)
			return NULL;
		*dma = 0;
	}
	return hdr;
}

static void *foo_pool_hdr(struct foo_queue *q, dma_addr_t *dma)
{
	return dma_pool_alloc(q->pool, GFP_KERNEL, dma);
}

int foo_hdr_send(struct foo_queue *q, size_t len)
{
	dma_addr_t dma;
	void *hdr = foo_hdr_alloc(q, len, &dma);

	if (!hdr)
		return -ENOMEM;
	memset(hdr, 0, len);
	if (dma)
		dma_pool_free(q->pool, hdr, dma);
	else
		kfree(hdr);
	return 0;
}

int foo_pool_send_bad(struct foo_queue *q)
{
	dma_addr_t dma;
	void *hdr = foo_pool_hdr(q, &dma);

	if (!hdr)
		return -ENOMEM;
	memset(hdr, 0, FOO_HDR_LEN);
	kfree(hdr); /* expect: free-mismatch:medium */
	return 0;
}

MODULE_LICENSE("GPL");
