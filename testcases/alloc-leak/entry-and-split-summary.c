// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (net/core/skbuff.c, __netdev_alloc_skb() and 17 more): a file
 * that defines a function rules/alloc.rules lists (__alloc_skb() is an
 * `alloc` entry) has both the entry and its own summary at each call.
 * The summary splits on the NULL return (ret-nonnull where it returns
 * non-zero), and the split set the result to 0 and to "non-zero" over
 * the object the entry had made: the skb read as lost at the call
 * itself.  foo_alloc_skb_good() is silent; bar_alloc_skb_bad() drops the
 * skb when the device is gone, and that is still reported.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>

static struct kmem_cache *foo_cache;

struct sk_buff *__alloc_skb(unsigned int size, gfp_t gfp_mask, int flags,
			    int node)
{
	struct sk_buff *skb;

	skb = kmem_cache_alloc_node(foo_cache, gfp_mask, node);
	if (unlikely(!skb))
		return NULL;
	memset(skb, 0, offsetof(struct sk_buff, tail));
	skb->truesize = size;
	return skb;
}

struct sk_buff *foo_alloc_skb_good(struct net_device *dev, unsigned int len,
				   gfp_t gfp_mask)
{
	struct sk_buff *skb;

	if (len > 1024)
		return NULL;
	skb = __alloc_skb(len, gfp_mask, SKB_ALLOC_RX, NUMA_NO_NODE);
	if (!skb)
		goto skb_fail;
	skb->dev = dev;
skb_fail:
	return skb;
}
EXPORT_SYMBOL_GPL(foo_alloc_skb_good);

struct sk_buff *bar_alloc_skb_bad(struct net_device *dev, unsigned int len,
				  gfp_t gfp_mask)
{
	struct sk_buff *skb;

	skb = __alloc_skb(len, gfp_mask, SKB_ALLOC_RX, NUMA_NO_NODE);
	if (!skb)
		return NULL;
	if (!netif_device_present(dev))
		return NULL; /* expect: alloc-leak */
	skb->dev = dev;
	return skb;
}
EXPORT_SYMBOL_GPL(bar_alloc_skb_bad);

MODULE_LICENSE("GPL");
