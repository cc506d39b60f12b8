// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free of a parameter inside one function: foo_req_finish_bad()
 * takes ownership of req, kfree()s it, and then writes through it, the
 * plain `kfree(param); param->x = 0;` (req->dev->inflight--, and
 * req->buf = NULL). foo_req_finish_good() does its bookkeeping first.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	unsigned int inflight;
};

struct foo_req {
	struct foo_dev *dev;
	u8 *buf;
};

void foo_req_finish_bad(struct foo_req *req)
{
	kfree(req->buf);
	kfree(req);
	req->dev->inflight--; /* expect: use-after-free:high */
}

void foo_req_clear_bad(struct foo_req *req)
{
	kfree(req);
	req->buf = NULL; /* expect: use-after-free */
}

void foo_req_finish_good(struct foo_req *req)
{
	req->dev->inflight--;
	kfree(req->buf);
	kfree(req);
}

MODULE_LICENSE("GPL");
