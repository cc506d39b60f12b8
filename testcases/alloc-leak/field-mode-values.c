// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/neterion/s2io.c, fill_rx_buffers()):
 * the ring's mode field is only ever set to one of two constants (a copy
 * of the adapter's, which is set to MODE_1 or MODE_3B), and the fill
 * loop hands the skb over in each arm of
 * if (mode == MODE_1) ... else if (mode == MODE_3B) ...: the path that
 * takes neither arm does not exist.  foo_fill_good() is silent.
 * bar_fill_bad() tests a field that a function may also set to a third
 * value (BAR_MODE_5) and has no arm for it: the skb is lost there, when
 * the next iteration overwrites its only pointer.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>

#define FOO_MODE_1	0
#define FOO_MODE_3B	1

struct foo_nic {
	struct net_device *dev;
	int rxd_mode;
};

struct foo_ring {
	struct foo_nic *nic;
	int rxd_mode;
	unsigned long slot[16];
	int mtu;
};

void foo_set_mode(struct foo_nic *nic, int two_buffers)
{
	if (two_buffers)
		nic->rxd_mode = FOO_MODE_3B;
	else
		nic->rxd_mode = FOO_MODE_1;
}
EXPORT_SYMBOL_GPL(foo_set_mode);

void foo_ring_init(struct foo_ring *ring, struct foo_nic *nic)
{
	ring->nic = nic;
	ring->rxd_mode = nic->rxd_mode;
}
EXPORT_SYMBOL_GPL(foo_ring_init);

int foo_fill_good(struct foo_ring *ring, int n)
{
	struct sk_buff *skb;
	int i;

	for (i = 0; i < n && i < 16; i++) {
		skb = netdev_alloc_skb(ring->nic->dev, ring->mtu);
		if (!skb)
			return -ENOMEM;
		if (ring->rxd_mode == FOO_MODE_1) {
			skb_reserve(skb, NET_IP_ALIGN);
			ring->slot[i] = (unsigned long)skb;
		} else if (ring->rxd_mode == FOO_MODE_3B) {
			skb_reserve(skb, 64);
			ring->slot[i] = (unsigned long)skb;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(foo_fill_good);

#define BAR_MODE_1	0
#define BAR_MODE_3B	1
#define BAR_MODE_5	2

struct bar_ring {
	struct net_device *dev;
	int rxd_mode;
	unsigned long slot[16];
};

void bar_set_mode(struct bar_ring *ring, int bufs)
{
	if (bufs == 5)
		ring->rxd_mode = BAR_MODE_5;
	else if (bufs == 2)
		ring->rxd_mode = BAR_MODE_3B;
	else
		ring->rxd_mode = BAR_MODE_1;
}
EXPORT_SYMBOL_GPL(bar_set_mode);

int bar_fill_bad(struct bar_ring *ring, int n)
{
	struct sk_buff *skb;
	int i;

	for (i = 0; i < n && i < 16; i++) { /* expect: alloc-leak */
		skb = netdev_alloc_skb(ring->dev, 1536);
		if (!skb)
			return -ENOMEM;
		if (ring->rxd_mode == BAR_MODE_1) {
			skb_reserve(skb, NET_IP_ALIGN);
			ring->slot[i] = (unsigned long)skb;
		} else if (ring->rxd_mode == BAR_MODE_3B) {
			skb_reserve(skb, 64);
			ring->slot[i] = (unsigned long)skb;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(bar_fill_bad);
MODULE_LICENSE("GPL");
