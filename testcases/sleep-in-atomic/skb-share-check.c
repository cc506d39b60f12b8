// SPDX-License-Identifier: GPL-2.0
/*
 * skb_share_check() is a header inline that does
 * might_sleep_if(gfpflags_allow_blocking(pri)) and skb_clone(skb, pri):
 * with GFP_ATOMIC under a lock it is correct; with GFP_KERNEL the clone
 * may sleep (reported at the call that passes the mask).
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>

struct foo_ring {
	spinlock_t lock;
	struct sk_buff *last;
};

struct sk_buff *foo_xmit_good(struct foo_ring *r, struct sk_buff *skb)
{
	spin_lock(&r->lock);
	skb = skb_share_check(skb, GFP_ATOMIC);
	r->last = skb;
	spin_unlock(&r->lock);
	return skb;
}

struct sk_buff *foo_xmit_bad(struct foo_ring *r, struct sk_buff *skb)
{
	spin_lock(&r->lock);
	skb = skb_share_check(skb, GFP_KERNEL); /* expect: sleep-in-atomic */
	r->last = skb;
	spin_unlock(&r->lock);
	return skb;
}
MODULE_LICENSE("GPL");
