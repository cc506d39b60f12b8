// SPDX-License-Identifier: GPL-2.0
/*
 * double-free across functions, through a field of an object that came
 * from a pool (lpfc_ct_reject_event() in drivers/scsi/lpfc/lpfc_ct.c).
 * foo_send_reject() takes a request from the pool, stores its buffer in
 * it, and when the send fails hands the request back to the pool and
 * frees the buffer.  The request left with the freed buffer is the
 * pool's again; the completion foo_reject_done() only runs for a request
 * that was sent: no finding.  foo_bad_send() gets its request from the
 * caller, frees the buffer when the send fails but leaves it in the
 * request, which the caller completes through foo_bad_done(): the buffer
 * is freed twice.  The pool lives in another file: here its functions
 * are reached through an ops table, calls whose bodies the engine
 * cannot see.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_BUF_LEN	256

struct foo_req {
	void *buf;
	void (*done)(struct foo_req *req);
};

struct foo_pool_ops {
	struct foo_req *(*get_req)(void);
	void (*put_req)(struct foo_req *req);
	int (*issue)(struct foo_req *req);
};

static const struct foo_pool_ops *foo_pool;

static void foo_reject_done(struct foo_req *req)
{
	kfree(req->buf);
	foo_pool->put_req(req);
}

void foo_send_reject(void)
{
	struct foo_req *req;
	void *buf;

	buf = kzalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!buf)
		return;
	req = foo_pool->get_req();
	if (!req)
		goto free_buf;
	req->buf = buf;
	req->done = foo_reject_done;
	if (foo_pool->issue(req))
		goto put_req;
	return;

put_req:
	foo_pool->put_req(req);
free_buf:
	kfree(buf);
}

struct foo_bad_req {
	void *buf;
	int status;
};

void foo_bad_done(struct foo_bad_req *req)
{
	kfree(req->buf); /* expect: double-free */
}

void foo_bad_send(struct foo_bad_req *req,
		  int (*issue)(struct foo_bad_req *req))
{
	void *buf;

	buf = kzalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!buf)
		return;
	req->buf = buf;
	if (issue(req)) {
		req->status = -EIO;
		kfree(buf);
	}
}

MODULE_LICENSE("GPL");
