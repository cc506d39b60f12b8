// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that fails with blocks it allocated still in its caller's
 * struct, and a caller the kernel calls through a pointer that returns
 * the failure without freeing them, though it frees them itself on its
 * later failures: ftgmac100_alloc_rings() and ftgmac100_open() before
 * upstream "net: ftgmac100: fix ring allocation unwind on open failure".
 * The next open overwrites the fields.
 * Each caller has a helper of its own, so that a finding names it.
 *
 * foo_open(): the leak, reported at the helper's failing return.
 * bar_open(): frees the rings through a helper: nothing.
 * baz_open(): one more level: baz_setup() fails too and passes them up,
 *             baz_open() unwinds: nothing.
 * qux_open(): two levels through qux_setup(), nobody unwinds: the leak,
 *             at qux_alloc_ring()'s return.
 * quux_alloc_rings(): frees what it made before it fails: nothing.
 * corge_open(): hands priv to a function the engine does not see (through
 *               a pointer), which may free them: nothing.
 * garply_open(): never releases the rings itself, only foo_stop() does:
 *                whether something else (a release callback) frees them
 *                after a failed open is not known: nothing.
 * grault_open(): its helper allocates rx_skbs only where the field was
 *                NULL, a buffer kept across opens (uart_port_startup()'s
 *                transmit page): only tx_skbs is reported, where rxdes
 *                cannot be had.
 * waldo_set_table(): frees the old table and stores a new one, then a
 *                later step fails: the new table is the state it set
 *                (smu_sys_set_pp_table()), not a resource to undo:
 *                nothing.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/netdevice.h>

struct foo_priv {
	struct sk_buff **rx_skbs;
	struct sk_buff **tx_skbs;
	void *rxdes;
};

static int foo_alloc_rings(struct foo_priv *priv)
{
	priv->rx_skbs = kcalloc(512, sizeof(void *), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->tx_skbs = kcalloc(1024, sizeof(void *), GFP_KERNEL);
	if (!priv->tx_skbs)
		return -ENOMEM; /* expect: alloc-leak */
	priv->rxdes = kzalloc(4096, GFP_KERNEL);
	if (!priv->rxdes)
		return -ENOMEM; /* expect: alloc-leak */
	return 0;
}

static void foo_free_rings(struct foo_priv *priv)
{
	kfree(priv->rxdes);
	kfree(priv->tx_skbs);
	kfree(priv->rx_skbs);
}

static int foo_open(struct net_device *netdev)
{
	struct foo_priv *priv = netdev_priv(netdev);
	int err;

	err = foo_alloc_rings(priv);
	if (err) {
		netdev_err(netdev, "Failed to allocate descriptors\n");
		return err;
	}
	err = netif_set_real_num_tx_queues(netdev, 1);
	if (err)
		goto err_free;
	return 0;

err_free:
	foo_free_rings(priv);
	return err;
}

static int foo_stop(struct net_device *netdev)
{
	foo_free_rings(netdev_priv(netdev));
	return 0;
}

static int bar_alloc_rings(struct foo_priv *priv)
{
	priv->rx_skbs = kcalloc(512, sizeof(void *), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->tx_skbs = kcalloc(1024, sizeof(void *), GFP_KERNEL);
	if (!priv->tx_skbs)
		return -ENOMEM;
	return 0;
}

static int bar_open(struct net_device *netdev)
{
	struct foo_priv *priv = netdev_priv(netdev);
	int err;

	err = bar_alloc_rings(priv);
	if (err) {
		foo_free_rings(priv);
		return err;
	}
	return 0;
}

static int baz_alloc_rings(struct foo_priv *priv)
{
	priv->rx_skbs = kcalloc(512, sizeof(void *), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->tx_skbs = kcalloc(1024, sizeof(void *), GFP_KERNEL);
	if (!priv->tx_skbs)
		return -ENOMEM;
	return 0;
}

static int baz_setup(struct foo_priv *priv)
{
	int err = baz_alloc_rings(priv);

	if (err)
		return err;
	return 0;
}

static int baz_open(struct net_device *netdev)
{
	struct foo_priv *priv = netdev_priv(netdev);
	int err;

	err = baz_setup(priv);
	if (err)
		goto err_free;
	return 0;

err_free:
	foo_free_rings(priv);
	return err;
}

static int qux_alloc_ring(struct foo_priv *priv)
{
	priv->rx_skbs = kcalloc(512, sizeof(void *), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->rxdes = kzalloc(4096, GFP_KERNEL);
	if (!priv->rxdes)
		return -ENOMEM; /* expect: alloc-leak */
	return 0;
}

static int qux_setup(struct foo_priv *priv)
{
	int err = qux_alloc_ring(priv);

	if (err)
		return err;
	return 0;
}

static int qux_open(struct net_device *netdev)
{
	struct foo_priv *priv = netdev_priv(netdev);
	int err;

	err = qux_setup(priv);
	if (err)
		return err;
	err = netif_set_real_num_tx_queues(netdev, 1);
	if (err)
		foo_free_rings(priv);
	return err;
}

static int garply_alloc_rings(struct foo_priv *priv)
{
	priv->rx_skbs = kcalloc(512, sizeof(void *), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->tx_skbs = kcalloc(1024, sizeof(void *), GFP_KERNEL);
	if (!priv->tx_skbs)
		return -ENOMEM;
	return 0;
}

static int garply_open(struct net_device *netdev)
{
	return garply_alloc_rings(netdev_priv(netdev));
}

static int quux_alloc_rings(struct foo_priv *priv)
{
	priv->rx_skbs = kcalloc(512, sizeof(void *), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->tx_skbs = kcalloc(1024, sizeof(void *), GFP_KERNEL);
	if (!priv->tx_skbs)
		goto err_rx;
	return 0;

err_rx:
	kfree(priv->rx_skbs);
	priv->rx_skbs = NULL;
	return -ENOMEM;
}

static int quux_open(struct net_device *netdev)
{
	return quux_alloc_rings(netdev_priv(netdev));
}

void (*corge_teardown)(struct foo_priv *priv);
EXPORT_SYMBOL_GPL(corge_teardown);

static int corge_alloc_rings(struct foo_priv *priv)
{
	priv->rx_skbs = kcalloc(512, sizeof(void *), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->tx_skbs = kcalloc(1024, sizeof(void *), GFP_KERNEL);
	if (!priv->tx_skbs)
		return -ENOMEM;
	return 0;
}

static int corge_open(struct net_device *netdev)
{
	struct foo_priv *priv = netdev_priv(netdev);
	int err;

	err = corge_alloc_rings(priv);
	if (err)
		corge_teardown(priv);
	return err;
}

static int grault_alloc_rings(struct foo_priv *priv)
{
	if (!priv->rx_skbs) {
		priv->rx_skbs = kcalloc(512, sizeof(void *), GFP_KERNEL);
		if (!priv->rx_skbs)
			return -ENOMEM;
	}
	priv->tx_skbs = kcalloc(1024, sizeof(void *), GFP_KERNEL);
	if (!priv->tx_skbs)
		return -ENOMEM;
	priv->rxdes = kzalloc(4096, GFP_KERNEL);
	if (!priv->rxdes)
		return -ENOMEM; /* expect: alloc-leak */
	return 0;
}

static int grault_open(struct net_device *netdev)
{
	struct foo_priv *priv = netdev_priv(netdev);
	int err;

	err = grault_alloc_rings(priv);
	if (err)
		return err;
	err = netif_set_real_num_tx_queues(netdev, 1);
	if (err)
		foo_free_rings(priv);
	return err;
}

static int waldo_set_table(struct net_device *netdev, const void *buf,
			   size_t size)
{
	struct foo_priv *priv = netdev_priv(netdev);
	int err;

	kfree(priv->rxdes);
	priv->rxdes = kzalloc(size, GFP_KERNEL);
	if (!priv->rxdes)
		return -ENOMEM;
	memcpy(priv->rxdes, buf, size);
	err = netif_set_real_num_tx_queues(netdev, 1);
	if (err)
		return err;
	return 0;
}

struct foo_table_ops {
	int (*set_table)(struct net_device *netdev, const void *buf,
			 size_t size);
};

static const struct foo_table_ops waldo_ops = {
	.set_table = waldo_set_table,
};

const struct foo_table_ops *foo_get_table_ops(void)
{
	return &waldo_ops;
}
EXPORT_SYMBOL_GPL(foo_get_table_ops);

static const struct net_device_ops foo_ops[] = {
	{ .ndo_open = foo_open, .ndo_stop = foo_stop },
	{ .ndo_open = bar_open, .ndo_stop = foo_stop },
	{ .ndo_open = baz_open, .ndo_stop = foo_stop },
	{ .ndo_open = qux_open, .ndo_stop = foo_stop },
	{ .ndo_open = quux_open, .ndo_stop = foo_stop },
	{ .ndo_open = corge_open, .ndo_stop = foo_stop },
	{ .ndo_open = garply_open, .ndo_stop = foo_stop },
	{ .ndo_open = grault_open, .ndo_stop = foo_stop },
};

const struct net_device_ops *foo_get_ops(int i)
{
	return &foo_ops[i];
}
EXPORT_SYMBOL_GPL(foo_get_ops);

MODULE_LICENSE("GPL");
