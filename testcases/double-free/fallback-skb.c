// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of a fallback buffer: when alloc_skb() fails, the loop
 * sends the adapter's spare skb instead, and foo_send() consumes what it
 * is given.  foo_init_good() sees that it sent the spare
 * (skb == adap->nofail_skb) and allocates a new one before the next
 * round, as cxgb3's init_tp_parity() does (silent: the test of two
 * pointers holding the same object is true).  foo_init_bad() never
 * replaces the spare: a second failed allocation writes into the freed
 * spare and sends it again.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct foo_adapter {
	struct sk_buff *nofail_skb;
	int sent;
};

static noinline int foo_send(struct foo_adapter *adap, struct sk_buff *skb)
{
	adap->sent++;
	kfree_skb(skb);
	return 0;
}

int foo_init_good(struct foo_adapter *adap)
{
	struct sk_buff *skb;
	int i;

	for (i = 0; i < 16; i++) {
		skb = alloc_skb(64, GFP_KERNEL);
		if (!skb)
			skb = adap->nofail_skb;
		if (!skb)
			return -ENOMEM;
		skb_put_zero(skb, 16);
		foo_send(adap, skb);
		if (skb == adap->nofail_skb) {
			adap->nofail_skb = alloc_skb(64, GFP_KERNEL);
			if (!adap->nofail_skb)
				return -ENOMEM;
		}
	}
	return 0;
}

int foo_init_bad(struct foo_adapter *adap)
{
	struct sk_buff *skb;
	int i;

	for (i = 0; i < 16; i++) {
		skb = alloc_skb(64, GFP_KERNEL);
		if (!skb)
			skb = adap->nofail_skb;
		if (!skb)
			return -ENOMEM;
		skb_put_zero(skb, 16); /* expect: use-after-free */
		foo_send(adap, skb); /* expect: double-free */
	}
	return 0;
}

MODULE_LICENSE("GPL");
