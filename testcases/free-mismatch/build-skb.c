// SPDX-License-Identifier: GPL-2.0
/*
 * An skb built around a receive buffer (build_skb(), napi_build_skb())
 * is an skb like one from napi_alloc_skb(): kfree_skb() releases it,
 * though net/core takes its head from kmem_cache_alloc() (the shape of
 * hyperv's netvsc_alloc_recv_skb()).  kfree() of it is the mismatch.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/ip.h>

struct foo_rx {
	struct napi_struct napi;
	void *buf;
	unsigned int frag_size;
	unsigned int len;
};

struct sk_buff *foo_rx_skb_good(struct foo_rx *rx)
{
	struct sk_buff *skb;

	if (rx->buf) {
		skb = build_skb(rx->buf, rx->frag_size);
		if (!skb)
			return NULL;
		skb_put(skb, rx->len);
	} else {
		skb = napi_alloc_skb(&rx->napi, rx->len);
		if (!skb)
			return NULL;
	}
	if (skb_headlen(skb) < sizeof(struct iphdr)) {
		kfree_skb(skb);
		return NULL;
	}
	return skb;
}

struct sk_buff *foo_rx_napi_skb_good(struct foo_rx *rx)
{
	struct sk_buff *skb = napi_build_skb(rx->buf, rx->frag_size);

	if (!skb)
		return NULL;
	if (rx->len > rx->frag_size) {
		dev_kfree_skb_any(skb);
		return NULL;
	}
	skb_put(skb, rx->len);
	return skb;
}

struct sk_buff *foo_rx_skb_bad(struct foo_rx *rx)
{
	struct sk_buff *skb = build_skb(rx->buf, rx->frag_size);

	if (!skb)
		return NULL;
	if (rx->len > rx->frag_size) {
		kfree(skb); /* expect: free-mismatch */
		return NULL;
	}
	skb_put(skb, rx->len);
	return skb;
}

MODULE_LICENSE("GPL");
