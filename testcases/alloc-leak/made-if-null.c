// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (mt76 mt76_connac_mcu_alloc_wtbl_req(), six callers in
 * mt7615, mt7915 and mt76_connac): a helper takes &skb, makes a message
 * into *skb only when *skb is NULL, and fails with an ERR_PTR() only
 * when that allocation fails.  A caller that passes its own message gets
 * neither: *skb keeps the caller's skb, and the `if (IS_ERR(hdr)) return
 * PTR_ERR(hdr);` after the call is a path that does not exist.  Before,
 * the helper's write made the caller's skb unknown (its message leaked
 * at the write) and the IS_ERR() return leaked it again.
 *
 * A helper that also queues a full message, clears *skb and fails with
 * -EAGAIN writes *skb on a path where it was not NULL: the caller's skb
 * is then not known after the call, and its IS_ERR() return leaks
 * nothing (foo_cmd_flush_good(); the helper's two writes are one fact,
 * without the guard).
 *
 * The bad twin leaks its own message on an error after the helper: still
 * reported.  (A caller passing NULL, which gets the helper's message
 * through *skb, is not followed: limits.md.)
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/err.h>

struct foo_dev {
	struct sk_buff_head txq;
	int busy;
	unsigned int mtu;
};

struct foo_hdr {
	__le16 op;
	__le16 len;
};

static struct sk_buff *foo_msg_alloc(int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);

	if (!skb)
		return ERR_PTR(-ENOMEM);
	return skb;
}

static struct foo_hdr *foo_add_hdr(struct foo_dev *dev, int op,
				   struct sk_buff **skb)
{
	struct foo_hdr hdr = {
		.op = cpu_to_le16(op),
	};
	struct sk_buff *nskb = *skb;

	if (!nskb) {
		nskb = alloc_skb(64, GFP_KERNEL);
		if (!nskb)
			return ERR_PTR(-ENOMEM);
		*skb = nskb;
	}
	return skb_put_data(nskb, &hdr, sizeof(hdr));
}

/* Also flushes a full message: queues it, clears *skb and asks for a
 * retry.  The write is not only where *skb was NULL, and neither is the
 * error return, so the caller's skb is not known after the call */
static struct foo_hdr *foo_add_hdr_flush(struct foo_dev *dev, int op,
					 struct sk_buff **skb)
{
	struct foo_hdr hdr = {
		.op = cpu_to_le16(op),
	};
	struct sk_buff *nskb = *skb;

	if (nskb) {
		if (nskb->len > dev->mtu) {
			skb_queue_tail(&dev->txq, nskb);
			*skb = NULL;
			return ERR_PTR(-EAGAIN);
		}
	} else {
		nskb = alloc_skb(64, GFP_KERNEL);
		if (!nskb)
			return ERR_PTR(-ENOMEM);
		*skb = nskb;
	}
	return skb_put_data(nskb, &hdr, sizeof(hdr));
}

static int foo_send(struct foo_dev *dev, struct sk_buff *skb)
{
	skb_queue_tail(&dev->txq, skb);
	return 0;
}

int foo_cmd_good(struct foo_dev *dev, int op)
{
	struct sk_buff *skb;
	struct foo_hdr *hdr;

	skb = foo_msg_alloc(128);
	if (IS_ERR(skb))
		return PTR_ERR(skb);
	hdr = foo_add_hdr(dev, op, &skb);
	if (IS_ERR(hdr))
		return PTR_ERR(hdr);
	hdr->len = cpu_to_le16(skb->len);
	return foo_send(dev, skb);
}

int foo_cmd_flush_good(struct foo_dev *dev, int op)
{
	struct sk_buff *skb;
	struct foo_hdr *hdr;

	skb = foo_msg_alloc(128);
	if (IS_ERR(skb))
		return PTR_ERR(skb);
	hdr = foo_add_hdr_flush(dev, op, &skb);
	if (IS_ERR(hdr))
		return PTR_ERR(hdr);
	if (dev->busy)
		return -EBUSY;
	return foo_send(dev, skb);
}

int foo_cmd_own_bad(struct foo_dev *dev, int op)
{
	struct sk_buff *skb;
	struct foo_hdr *hdr;

	skb = foo_msg_alloc(128);
	if (IS_ERR(skb))
		return PTR_ERR(skb);
	hdr = foo_add_hdr(dev, op, &skb);
	if (IS_ERR(hdr))
		return PTR_ERR(hdr);
	if (dev->busy) /* expect-note: alloc-leak */
		return -EBUSY; /* expect: alloc-leak */
	return foo_send(dev, skb);
}

MODULE_LICENSE("GPL");
