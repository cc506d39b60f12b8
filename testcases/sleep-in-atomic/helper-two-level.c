// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that allocates with GFP_KERNEL, called with a spinlock held:
 * the helper's allocation is the sleeping call (reported there, with a
 * note at the call under the lock).  Twin: a helper of its own (so that
 * a wrong report could not land on the line the bad one expects), called
 * before the lock.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/list.h>

struct foo_req {
	struct list_head node;
	int op;
};

struct foo_dev {
	spinlock_t lock;
	struct list_head reqs;
};

static struct foo_req *foo_req_new(int op)
{
	struct foo_req *req = kzalloc(sizeof(*req), GFP_KERNEL); /* expect: sleep-in-atomic:medium */

	if (req)
		req->op = op;
	return req;
}

int foo_queue_bad(struct foo_dev *fd, int op)
{
	struct foo_req *req;

	spin_lock(&fd->lock);
	req = foo_req_new(op);
	if (req)
		list_add_tail(&req->node, &fd->reqs);
	spin_unlock(&fd->lock);
	return req ? 0 : -ENOMEM;
}

static struct foo_req *foo_req_alloc(int op)
{
	struct foo_req *req = kzalloc(sizeof(*req), GFP_KERNEL);

	if (req)
		req->op = op;
	return req;
}

int foo_queue_good(struct foo_dev *fd, int op)
{
	struct foo_req *req = foo_req_alloc(op);

	if (!req)
		return -ENOMEM;
	spin_lock(&fd->lock);
	list_add_tail(&req->node, &fd->reqs);
	spin_unlock(&fd->lock);
	return 0;
}
MODULE_LICENSE("GPL");
