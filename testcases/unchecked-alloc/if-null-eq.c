// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the check is written Yoda style, `if (NULL == p)`.
 * foo_bad() tests the buffer it allocated first but not the second one.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_msg {
	u16 type;
	u16 len;
};

struct foo_chan {
	struct foo_msg *req;
	struct foo_msg *rsp;
};

int foo_chan_setup_bad(struct foo_chan *chan)
{
	chan->req = kzalloc(sizeof(*chan->req), GFP_KERNEL);
	if (NULL == chan->req)
		return -ENOMEM;
	chan->rsp = kzalloc(sizeof(*chan->rsp), GFP_KERNEL);
	chan->req->type = 1;
	chan->rsp->type = 2; /* expect: unchecked-alloc */
	return 0;
}

int foo_chan_setup_good(struct foo_chan *chan)
{
	chan->req = kzalloc(sizeof(*chan->req), GFP_KERNEL);
	if (NULL == chan->req)
		return -ENOMEM;
	chan->rsp = kzalloc(sizeof(*chan->rsp), GFP_KERNEL);
	if (NULL == chan->rsp)
		return -ENOMEM;
	chan->req->type = 1;
	chan->rsp->type = 2;
	return 0;
}

MODULE_LICENSE("GPL");
