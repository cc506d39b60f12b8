// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (ppp_generic.c ppp_write()): the skb is handed over in each
 * case of `switch (pf->kind)`, whose cases name both enumerators of the
 * field's enum and which has no default.  The field holds one of them
 * (what -Wswitch assumes): no path falls past every case with the skb.
 * The bad twin's switch is over an int, and a third value leaks; the
 * trace's branch note is at the switch, which matched none of its cases
 * (not at the last case's test).
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>

struct foo_file {
	enum {
		FOO_INTERFACE = 1, FOO_CHANNEL
	} kind;
	int mode;
	struct sk_buff_head xq;
	struct net_device *dev;
};

int foo_write_good(struct foo_file *pf, size_t count)
{
	struct sk_buff *skb;

	skb = alloc_skb(count, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	switch (pf->kind) {
	case FOO_INTERFACE:
		skb->dev = pf->dev;
		dev_queue_xmit(skb);
		break;
	case FOO_CHANNEL:
		skb_queue_tail(&pf->xq, skb);
		break;
	}
	return count;
}

int foo_write_bad(struct foo_file *pf, size_t count)
{
	struct sk_buff *skb;

	skb = alloc_skb(count, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	switch (pf->mode) { /* expect-note: alloc-leak */
	case 1:
		skb->dev = pf->dev;
		dev_queue_xmit(skb);
		break;
	case 2:
		skb_queue_tail(&pf->xq, skb);
		break;
	}
	return count; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
