// SPDX-License-Identifier: GPL-2.0
/*
 * mempool_alloc() with a gfp mask that may reclaim (GFP_NOIO,
 * GFP_KERNEL) never returns NULL: it waits for an element to come back
 * to the pool (mm/mempool.c; drbd's bm_page_io_async() copies into such
 * a page unchecked).  With GFP_ATOMIC or GFP_NOWAIT it may fail.
 */
#include <linux/module.h>
#include <linux/mempool.h>
#include <linux/string.h>

struct foo_req {
	int tag;
	char data[64];
};

struct foo_dev {
	mempool_t *req_pool;
	struct foo_req *cur;
};

void foo_queue_io(struct foo_dev *d, int tag)
{
	struct foo_req *r = mempool_alloc(d->req_pool, GFP_NOIO);

	r->tag = tag;
	d->cur = r;
}

void foo_queue_kernel(struct foo_dev *d, int tag)
{
	struct foo_req *r = mempool_alloc(d->req_pool, GFP_KERNEL | __GFP_HIGHMEM);

	memset(r->data, 0, sizeof(r->data));
	r->tag = tag;
	d->cur = r;
}

void foo_queue_atomic(struct foo_dev *d, int tag)
{
	struct foo_req *r = mempool_alloc(d->req_pool, GFP_ATOMIC);

	r->tag = tag; /* expect: unchecked-alloc */
	d->cur = r;
}

void foo_queue_nowait(struct foo_dev *d, int tag)
{
	struct foo_req *r = mempool_alloc(d->req_pool, GFP_NOWAIT);

	r->tag = tag; /* expect: unchecked-alloc */
	d->cur = r;
}

MODULE_LICENSE("GPL");
