// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and use-after-free false positive seen on real code
 * (rtw88 fw.c _rtw_hw_scan_update_probe_req()): a queue walked once,
 * each skb unlinked and freed, then walked again on the way out to free
 * what the first walk left.  Every skb the first walk freed was unlinked
 * first, so the second walk never meets one (rules/list.rules: the
 * skb queue unlinks).  foo_update_bad() frees without unlinking: the
 * second walk reads the freed first skb's link and frees it again.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

int foo_write(u8 *buf, unsigned int len)
{
	return len && buf[0] ? 0 : -EIO;
}

int foo_update_good(struct sk_buff_head *list, unsigned int max)
{
	struct sk_buff *skb, *tmp;
	unsigned int off = 0;
	u8 *buf;
	int ret;

	buf = kzalloc(max, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	skb_queue_walk_safe(list, skb, tmp) {
		skb_unlink(skb, list);
		if (skb->len > max - off) {
			ret = -EINVAL;
			goto out;
		}
		memcpy(buf + off, skb->data, skb->len);
		off += skb->len;
		kfree_skb(skb);
	}

	ret = foo_write(buf, off);
out:
	kfree(buf);
	skb_queue_walk_safe(list, skb, tmp)
		kfree_skb(skb);
	return ret;
}

int foo_update_bad(struct sk_buff_head *list, unsigned int max)
{
	struct sk_buff *skb, *tmp;
	unsigned int off = 0;
	u8 *buf;
	int ret;

	buf = kzalloc(max, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	skb_queue_walk_safe(list, skb, tmp) {
		if (skb->len > max - off) {
			ret = -EINVAL;
			goto out;
		}
		memcpy(buf + off, skb->data, skb->len);
		off += skb->len;
		kfree_skb(skb);
	}

	ret = foo_write(buf, off);
out:
	kfree(buf);
	skb_queue_walk_safe(list, skb, tmp) /* expect: use-after-free */
		kfree_skb(skb); /* expect: double-free */
	return ret;
}

/* ppp_mp_reconstruct(): stale fragments dropped with __skb_unlink(),
 * then the rest dropped up to the packet's head by a second walk */
void foo_drop_good(struct sk_buff_head *list, u32 seq, struct sk_buff *head)
{
	struct sk_buff *p, *tmp;

	skb_queue_walk_safe(list, p, tmp) {
		if (p->priority < seq) {
			__skb_unlink(p, list);
			kfree_skb(p);
			continue;
		}
		if (p->priority != seq)
			break;
		seq++;
	}
	skb_queue_walk_safe(list, p, tmp) {
		if (p == head)
			break;
		__skb_unlink(p, list);
		kfree_skb(p);
	}
}

MODULE_LICENSE("GPL");
