// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and references (igb_run_loopback_test() and
 * ixgbe_run_loopback_test(), drivers/net/ethernet/intel scan): an ethtool
 * loopback test allocates one skb and sends it 64 times, each time with
 * a reference of its own taken by skb_get().  The xmit function keeps
 * the skb in its ring where it returns NETDEV_TX_OK, and leaves it to the
 * caller where it returns NETDEV_TX_BUSY.  The test's kfree_skb() at the
 * end drops the reference of the allocation only: where a send was
 * refused, the reference skb_get() took for it is never dropped, and the
 * skb is never freed.
 *
 * foo_loopback_bad() is the drivers' code (the finding is where the
 * function returns, with a note at the skb_get() whose reference is
 * kept); foo_loopback_good()
 * drops the reference of a refused send.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define FOO_RING 256

struct foo_ring {
	struct sk_buff *skb[FOO_RING];
	unsigned int next, clean;
};

static netdev_tx_t foo_xmit_ring(struct sk_buff *skb, struct foo_ring *r)
{
	if (r->next - r->clean >= FOO_RING)
		return NETDEV_TX_BUSY;
	r->skb[r->next++ % FOO_RING] = skb;
	return NETDEV_TX_OK;
}

int foo_loopback_bad(struct foo_ring *r, unsigned int size)
{
	struct sk_buff *skb;
	int i, good = 0;

	skb = alloc_skb(size, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_put(skb, size);
	for (i = 0; i < 64; i++) {
		skb_get(skb); /* expect-note: alloc-leak */
		if (foo_xmit_ring(skb, r) == NETDEV_TX_OK)
			good++;
	}
	kfree_skb(skb);
	return good == 64 ? 0 : -EIO; /* expect: alloc-leak */
}

int foo_loopback_good(struct foo_ring *r, unsigned int size)
{
	struct sk_buff *skb;
	int i, good = 0;

	skb = alloc_skb(size, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_put(skb, size);
	for (i = 0; i < 64; i++) {
		skb_get(skb);
		if (foo_xmit_ring(skb, r) == NETDEV_TX_OK)
			good++;
		else
			kfree_skb(skb);
	}
	kfree_skb(skb);
	return good == 64 ? 0 : -EIO;
}

MODULE_LICENSE("GPL");
