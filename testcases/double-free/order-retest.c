// SPDX-License-Identifier: GPL-2.0
/*
 * The same order of two fields tested twice (f_phonet's pn_rx_complete()):
 * the last fragment clears the pending skb's pointer under the lock, and
 * the same test later hands the skb to netif_rx().  The skb given away
 * is never the one the device still points to, so the reset that frees
 * the pending skb frees nothing twice.  The twin hands the skb over on
 * the other outcome (`>=`), where the pointer was kept: freed twice.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>

struct foo_req {
	unsigned int actual;
	unsigned int length;
};

struct foo_port {
	spinlock_t lock;
	struct sk_buff *skb;
	struct net_device *dev;
};

void foo_rx_complete(struct foo_port *fp, struct foo_req *req)
{
	struct sk_buff *skb;
	unsigned long flags;

	spin_lock_irqsave(&fp->lock, flags);
	skb = fp->skb;
	if (!skb)
		skb = fp->skb = netdev_alloc_skb(fp->dev, 12);
	if (req->actual < req->length)	/* last fragment */
		fp->skb = NULL;
	spin_unlock_irqrestore(&fp->lock, flags);
	if (!skb)
		return;
	skb_put(skb, 1);
	if (req->actual < req->length)
		netif_rx(skb);
}

void foo_reset(struct foo_port *fp)
{
	if (fp->skb) {
		dev_kfree_skb_irq(fp->skb);
		fp->skb = NULL;
	}
}

struct foo_port2 {
	spinlock_t lock;
	struct sk_buff *skb;
	struct net_device *dev;
};

void foo_rx_complete2(struct foo_port2 *fp, struct foo_req *req)
{
	struct sk_buff *skb;
	unsigned long flags;

	spin_lock_irqsave(&fp->lock, flags);
	skb = fp->skb;
	if (!skb)
		skb = fp->skb = netdev_alloc_skb(fp->dev, 12);
	if (req->actual < req->length)
		fp->skb = NULL;
	spin_unlock_irqrestore(&fp->lock, flags);
	if (!skb)
		return;
	skb_put(skb, 1);
	if (req->length <= req->actual)
		netif_rx(skb);
}

void foo_reset2(struct foo_port2 *fp)
{
	if (fp->skb) {
		dev_kfree_skb_irq(fp->skb); /* expect: double-free */
		fp->skb = NULL;
	}
}
MODULE_LICENSE("GPL");
