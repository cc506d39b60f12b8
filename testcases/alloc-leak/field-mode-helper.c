// SPDX-License-Identifier: GPL-2.0
/*
 * As field-mode-values.c, with the mode set by helpers: baz_setup()
 * calls baz_mode_1() or baz_mode_3b(), each storing one constant.  The
 * helpers' own stores are the field's records; the call in baz_setup()
 * must not add a "value not known" (the helper's write replayed), which
 * would make every value possible and the fill loop's path that takes
 * neither arm a leak (it does not exist).  qux_setup()'s helpers store a
 * third value that qux_fill_bad() has no arm for: that skb is lost.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>

#define BAZ_MODE_1	0
#define BAZ_MODE_3B	1

struct baz_ring {
	struct net_device *dev;
	int rxd_mode;
	unsigned long slot[16];
};

static void baz_mode_1(struct baz_ring *ring)
{
	ring->rxd_mode = BAZ_MODE_1;
}

static void baz_mode_3b(struct baz_ring *ring)
{
	ring->rxd_mode = BAZ_MODE_3B;
}

void baz_setup(struct baz_ring *ring, int two_buffers)
{
	if (two_buffers)
		baz_mode_3b(ring);
	else
		baz_mode_1(ring);
}
EXPORT_SYMBOL_GPL(baz_setup);

int baz_fill_good(struct baz_ring *ring, int n)
{
	struct sk_buff *skb;
	int i;

	for (i = 0; i < n && i < 16; i++) {
		skb = netdev_alloc_skb(ring->dev, 1536);
		if (!skb)
			return -ENOMEM;
		if (ring->rxd_mode == BAZ_MODE_1) {
			skb_reserve(skb, NET_IP_ALIGN);
			ring->slot[i] = (unsigned long)skb;
		} else if (ring->rxd_mode == BAZ_MODE_3B) {
			skb_reserve(skb, 64);
			ring->slot[i] = (unsigned long)skb;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(baz_fill_good);

#define QUX_MODE_1	0
#define QUX_MODE_3B	1
#define QUX_MODE_5	2

struct qux_ring {
	struct net_device *dev;
	int rxd_mode;
	unsigned long slot[16];
};

static void qux_mode(struct qux_ring *ring, int bufs)
{
	if (bufs == 5)
		ring->rxd_mode = QUX_MODE_5;
	else if (bufs == 2)
		ring->rxd_mode = QUX_MODE_3B;
	else
		ring->rxd_mode = QUX_MODE_1;
}

void qux_setup(struct qux_ring *ring, int bufs)
{
	qux_mode(ring, bufs);
}
EXPORT_SYMBOL_GPL(qux_setup);

int qux_fill_bad(struct qux_ring *ring, int n)
{
	struct sk_buff *skb;
	int i;

	for (i = 0; i < n && i < 16; i++) { /* expect: alloc-leak */
		skb = netdev_alloc_skb(ring->dev, 1536);
		if (!skb)
			return -ENOMEM;
		if (ring->rxd_mode == QUX_MODE_1) {
			skb_reserve(skb, NET_IP_ALIGN);
			ring->slot[i] = (unsigned long)skb;
		} else if (ring->rxd_mode == QUX_MODE_3B) {
			skb_reserve(skb, 64);
			ring->slot[i] = (unsigned long)skb;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(qux_fill_bad);
MODULE_LICENSE("GPL");
