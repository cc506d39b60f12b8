// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the allocation is cast explicitly,
 * `(struct foo *)kmalloc(...)`. The cast changes nothing.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_pkt {
	u16 len;
	u8 payload[62];
};

struct foo_priv {
	struct foo_pkt *pkt;
};

int foo_pkt_bad(struct foo_priv *priv, u16 len)
{
	struct foo_pkt *pkt;

	pkt = (struct foo_pkt *)kmalloc(sizeof(struct foo_pkt), GFP_KERNEL);
	pkt->len = len; /* expect: unchecked-alloc */
	priv->pkt = pkt;
	return 0;
}

int foo_pkt_good(struct foo_priv *priv, u16 len)
{
	struct foo_pkt *pkt;

	pkt = (struct foo_pkt *)kmalloc(sizeof(struct foo_pkt), GFP_KERNEL);
	if (!pkt)
		return -ENOMEM;
	pkt->len = len;
	priv->pkt = pkt;
	return 0;
}

MODULE_LICENSE("GPL");
