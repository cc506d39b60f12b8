// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (ath6kl sdio.c, ath6kl_sdio_alloc_prep_scat_req()): a buffer
 * is stored as `(u8 *)L1_CACHE_ALIGN((unsigned long)virt_buf)`.  Integer
 * arithmetic on the pointer's value, a cast to unsigned long and a round
 * up to the cache line, still points into the same block: the store
 * hands it over like `req->buf = virt_buf` would (a kmalloc() block is
 * cache-aligned already, so the value is the block itself, and the error
 * path's kfree(req->virt_dma_buf) frees it).  foo_alloc_reqs_good() must
 * stay silent; foo_alloc_reqs_bad() stores the aligned value only after
 * the bus request succeeded, and leaks the buffer when it fails.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/cache.h>

#define FOO_XFER_SIZE	(16 * 1024)

struct foo_req {
	struct list_head list;
	u8 *virt_dma_buf;
	void *busreq;
};

struct foo_dev {
	struct list_head req_pool;
	int nbusreq;
};

static void *foo_get_busreq(struct foo_dev *fd)
{
	if (!fd->nbusreq)
		return NULL;
	fd->nbusreq--;
	return fd;
}

int foo_alloc_reqs_good(struct foo_dev *fd, int n)
{
	struct foo_req *req;
	u8 *virt_buf;
	int i, size = 2 * L1_CACHE_BYTES + FOO_XFER_SIZE;

	for (i = 0; i < n; i++) {
		req = kzalloc(sizeof(*req), GFP_KERNEL);
		if (!req)
			return -ENOMEM;
		virt_buf = kzalloc(size, GFP_KERNEL);
		if (!virt_buf) {
			kfree(req);
			return -ENOMEM;
		}
		req->virt_dma_buf =
			(u8 *)L1_CACHE_ALIGN((unsigned long)virt_buf);
		req->busreq = foo_get_busreq(fd);
		if (!req->busreq) {
			kfree(req->virt_dma_buf);
			kfree(req);
			return -ENOMEM;
		}
		list_add_tail(&req->list, &fd->req_pool);
	}
	return 0;
}

int foo_alloc_reqs_bad(struct foo_dev *fd, int n)
{
	struct foo_req *req;
	u8 *virt_buf;
	int i, size = 2 * L1_CACHE_BYTES + FOO_XFER_SIZE;

	for (i = 0; i < n; i++) {
		req = kzalloc(sizeof(*req), GFP_KERNEL);
		if (!req)
			return -ENOMEM;
		virt_buf = kzalloc(size, GFP_KERNEL);
		if (!virt_buf) {
			kfree(req);
			return -ENOMEM;
		}
		req->busreq = foo_get_busreq(fd);
		if (!req->busreq) { /* expect-note: alloc-leak */
			kfree(req);
			return -ENOMEM; /* expect: alloc-leak */
		}
		req->virt_dma_buf =
			(u8 *)L1_CACHE_ALIGN((unsigned long)virt_buf);
		list_add_tail(&req->list, &fd->req_pool);
	}
	return 0;
}

MODULE_LICENSE("GPL");
