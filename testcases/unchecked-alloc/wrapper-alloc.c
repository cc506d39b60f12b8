// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: a driver-local wrapper allocator that just returns
 * kzalloc()'s result. Its summary makes it an allocator that may return
 * NULL, so its callers must check. The wrapper itself is silent: it
 * hands the result to the caller unchecked, which is the caller's job.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_req {
	u32 tag;
	u32 len;
};

struct foo_queue {
	struct foo_req *pending;
};

static void *foo_alloc(size_t n)
{
	return kzalloc(n, GFP_KERNEL);
}

int foo_submit_bad(struct foo_queue *q, u32 tag)
{
	struct foo_req *req = foo_alloc(sizeof(*req));

	req->tag = tag; /* expect: unchecked-alloc:medium */
	q->pending = req;
	return 0;
}

int foo_submit_good(struct foo_queue *q, u32 tag)
{
	struct foo_req *req = foo_alloc(sizeof(*req));

	if (!req)
		return -ENOMEM;
	req->tag = tag;
	q->pending = req;
	return 0;
}

MODULE_LICENSE("GPL");
