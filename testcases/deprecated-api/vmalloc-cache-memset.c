// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: vmalloc() + memset(0) of the whole block is vzalloc();
 * kmem_cache_alloc() + memset(0) of the whole object is
 * kmem_cache_zalloc().  The good twins call the zeroing allocators; the
 * look-alike clears only the first member of the object.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

struct foo_req {
	u32 tag;
	u32 len;
	u8 payload[56];
};

struct foo_table {
	unsigned long size;
	u32 *slots;
};

int foo_bad_table(struct foo_table *t, unsigned long size)
{
	t->slots = vmalloc(size);
	if (!t->slots)
		return -ENOMEM;
	memset(t->slots, 0, size); /* expect: deprecated-api */
	t->size = size;
	return 0;
}

int foo_good_table(struct foo_table *t, unsigned long size)
{
	t->slots = vzalloc(size);
	if (!t->slots)
		return -ENOMEM;
	t->size = size;
	return 0;
}

struct foo_req *foo_bad_req(struct kmem_cache *cache)
{
	struct foo_req *req = kmem_cache_alloc(cache, GFP_KERNEL);

	if (!req)
		return NULL;
	memset(req, 0, sizeof(*req)); /* expect: deprecated-api */
	return req;
}

struct foo_req *foo_good_req(struct kmem_cache *cache)
{
	return kmem_cache_zalloc(cache, GFP_KERNEL);
}

struct foo_req *foo_ok_req_tag(struct kmem_cache *cache)
{
	struct foo_req *req = kmem_cache_alloc(cache, GFP_KERNEL);

	if (!req)
		return NULL;
	memset(req, 0, sizeof(req->tag));	/* the tag only */
	req->len = 0;
	return req;
}

MODULE_LICENSE("GPL");
