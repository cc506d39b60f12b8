// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and skb_get(): foo_communicate() consumes the skb when it
 * fails.  foo_add_good() takes a second reference with skb_get() first,
 * so it can still read the reply and wipe the buffer after the call,
 * and drops each reference once (nfp_net_tls_add() does this; silent:
 * on the error path the callee's free and the caller's release drop two
 * references).  foo_add_bad() has no extra reference, and releases the
 * skb again after the callee freed it.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct foo_dev {
	int busy;
	unsigned int last_len;
};

static noinline int foo_communicate(struct foo_dev *f, struct sk_buff *skb)
{
	if (f->busy) {
		dev_kfree_skb_any(skb);
		return -EBUSY;
	}
	return 0;
}

int foo_add_good(struct foo_dev *f, struct sk_buff *skb)
{
	int err;

	skb_get(skb);
	err = foo_communicate(f, skb);
	memset(skb->data, 0, 16);
	dev_consume_skb_any(skb);	/* the reference from skb_get() */
	if (err)
		return err;
	f->last_len = skb->len;
	dev_consume_skb_any(skb);
	return 0;
}

int foo_add_bad(struct foo_dev *f, struct sk_buff *skb)
{
	int err;

	err = foo_communicate(f, skb);
	dev_consume_skb_any(skb); /* expect: double-free */
	return err;
}

MODULE_LICENSE("GPL");
