// SPDX-License-Identifier: GPL-2.0
/*
 * double-free after a loop: the packet buffer is freed inside the loop on
 * a transmit error before `break`, and again by the common kfree() after
 * the loop. foo_send_good() only breaks.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FOO_MTU	1500

struct foo_link {
	u64 tx_bytes;
};

static int foo_xmit(struct foo_link *l, const u8 *pkt, size_t n)
{
	if (pkt[0] == 0xff)
		return -EIO;
	l->tx_bytes += n;
	return 0;
}

int foo_send_bad(struct foo_link *l, const u8 *data, size_t len)
{
	u8 *pkt = kmalloc(FOO_MTU, GFP_KERNEL);
	size_t off, n;
	int ret = 0;

	if (!pkt)
		return -ENOMEM;
	for (off = 0; off < len; off += n) {
		n = min_t(size_t, len - off, FOO_MTU);
		memcpy(pkt, data + off, n);
		ret = foo_xmit(l, pkt, n);
		if (ret) {
			kfree(pkt);
			break;
		}
	}
	kfree(pkt); /* expect: double-free */
	return ret;
}

int foo_send_good(struct foo_link *l, const u8 *data, size_t len)
{
	u8 *pkt = kmalloc(FOO_MTU, GFP_KERNEL);
	size_t off, n;
	int ret = 0;

	if (!pkt)
		return -ENOMEM;
	for (off = 0; off < len; off += n) {
		n = min_t(size_t, len - off, FOO_MTU);
		memcpy(pkt, data + off, n);
		ret = foo_xmit(l, pkt, n);
		if (ret)
			break;
	}
	kfree(pkt);
	return ret;
}

MODULE_LICENSE("GPL");
