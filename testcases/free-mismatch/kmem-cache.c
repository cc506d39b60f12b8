// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch with a kmem_cache: kmem_cache_free() on kzalloc() memory
 * (wrong cache: "cache_from_obj: Wrong slab cache"), and kfree() on a
 * kmem_cache_zalloc() object (not allowed by the 6.1 slab API: kfree()
 * is for kmalloc() memory only). foo_req_good() pairs them right.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_req {
	u32 tag;
	u8 *payload;
};

static struct kmem_cache *foo_req_cache;

int foo_req_bad(u32 tag, size_t len, struct foo_req **out)
{
	struct foo_req *req = kmem_cache_zalloc(foo_req_cache, GFP_KERNEL);

	if (!req)
		return -ENOMEM;
	req->payload = kzalloc(len, GFP_KERNEL);
	if (!req->payload) {
		kfree(req); /* expect: free-mismatch */
		return -ENOMEM;
	}
	if (!tag) {
		kmem_cache_free(foo_req_cache, req->payload); /* expect: free-mismatch */
		kmem_cache_free(foo_req_cache, req);
		return -EINVAL;
	}
	req->tag = tag;
	*out = req;
	return 0;
}

int foo_req_good(u32 tag, size_t len, struct foo_req **out)
{
	struct foo_req *req = kmem_cache_zalloc(foo_req_cache, GFP_KERNEL);

	if (!req)
		return -ENOMEM;
	req->payload = kzalloc(len, GFP_KERNEL);
	if (!req->payload) {
		kmem_cache_free(foo_req_cache, req);
		return -ENOMEM;
	}
	if (!tag) {
		kfree(req->payload);
		kmem_cache_free(foo_req_cache, req);
		return -EINVAL;
	}
	req->tag = tag;
	*out = req;
	return 0;
}

static int __init foo_init(void)
{
	foo_req_cache = KMEM_CACHE(foo_req, 0);
	return foo_req_cache ? 0 : -ENOMEM;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	kmem_cache_destroy(foo_req_cache);
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
