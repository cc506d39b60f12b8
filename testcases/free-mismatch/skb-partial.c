// SPDX-License-Identifier: GPL-2.0
/*
 * kfree_skb_partial() releases an skb, whether its head was stolen by
 * skb_try_coalesce() or not (the shape of wil6210's
 * wil_sring_reap_rx_edma()).  net/core releases a stolen head's skb with
 * kmem_cache_free(), which its summary says; that is the skb's own cache,
 * not a mismatch.  Freeing a kmalloc() block with it is one.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

struct foo_rxdata {
	struct sk_buff *skb;
};

void foo_rx_merge_good(struct foo_rxdata *rxdata, unsigned int len)
{
	struct sk_buff *skb = dev_alloc_skb(len);
	bool headstolen;
	int delta;

	if (!skb)
		return;
	skb_put(skb, len);
	if (!rxdata->skb) {
		rxdata->skb = skb;
		return;
	}
	if (skb_try_coalesce(rxdata->skb, skb, &headstolen, &delta)) {
		kfree_skb_partial(skb, headstolen);
	} else {
		kfree_skb(skb);
		kfree_skb(rxdata->skb);
		rxdata->skb = NULL;
	}
}

void foo_rx_merge_bad(unsigned int len, bool headstolen)
{
	struct sk_buff *skb = kmalloc(sizeof(*skb), GFP_KERNEL);

	if (!skb)
		return;
	skb->len = len;
	kfree_skb_partial(skb, headstolen); /* expect: free-mismatch */
}

MODULE_LICENSE("GPL");
