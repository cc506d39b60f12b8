// SPDX-License-Identifier: GPL-2.0
/*
 * KMB descriptor-ring NIC: platform glue and datapath.  The ring
 * helpers live in kmb_xfr_ring.c.
 */

#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

#include "kmb_xfr.h"

/* The wrapper returns NULL on failure: the descriptors are used unchecked. */
static int kmb_xfr_setup_rx(struct kmb_xfr_priv *priv)
{
	struct kmb_xfr_desc *d = kmb_xfr_zalloc_desc(KMB_XFR_RING_SIZE);

	d[0].flags = cpu_to_le32(1);
	priv->rx.desc = d;
	priv->rx.size = KMB_XFR_RING_SIZE;
	return 0;
}

/* The same, checked. */
static int kmb_xfr_setup_tx(struct kmb_xfr_priv *priv)
{
	struct kmb_xfr_desc *d = kmb_xfr_zalloc_desc(KMB_XFR_RING_SIZE);

	if (!d)
		return -ENOMEM;
	d[0].flags = cpu_to_le32(1);
	priv->tx.desc = d;
	priv->tx.size = KMB_XFR_RING_SIZE;
	return 0;
}

/* The library already freed the buffer array: freed again here. */
static void kmb_xfr_teardown_rx(struct kmb_xfr_priv *priv)
{
	kmb_xfr_ring_release_bufs(&priv->rx);
	kfree(priv->rx.bufs);
	priv->rx.bufs = NULL;
}

/* The same teardown, done once. */
static void kmb_xfr_teardown_tx(struct kmb_xfr_priv *priv)
{
	kmb_xfr_ring_release_bufs(&priv->tx);
	priv->tx.bufs = NULL;
}

/* The statistics of the released buffers are read after the release. */
static unsigned int kmb_xfr_reset_rx(struct kmb_xfr_priv *priv)
{
	unsigned int dropped;

	kmb_xfr_ring_release_bufs(&priv->rx);
	dropped = priv->rx.bufs[0] ? 1 : 0;
	priv->rx.bufs = NULL;
	return dropped;
}

/* Read before the release. */
static unsigned int kmb_xfr_reset_tx(struct kmb_xfr_priv *priv)
{
	unsigned int pending = priv->tx.bufs[0] ? 1 : 0;

	kmb_xfr_ring_release_bufs(&priv->tx);
	priv->tx.bufs = NULL;
	return pending;
}

/* A ring from the library's constructor, used unchecked. */
static int kmb_xfr_spare_ring(struct kmb_xfr_priv *priv, unsigned int size)
{
	struct kmb_xfr_ring *spare = kmb_xfr_ring_new(size);

	spare->head = 0;
	kmb_xfr_ring_destroy(spare);
	return 0;
}

static int kmb_xfr_probe(struct platform_device *pdev)
{
	struct kmb_xfr_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	spin_lock_init(&priv->lock);
	priv->fw_log = vzalloc(PAGE_SIZE);
	if (!priv->fw_log)
		return -ENOMEM;
	ret = kmb_xfr_setup_rx(priv);
	if (ret)
		goto err_log;
	ret = kmb_xfr_setup_tx(priv);
	if (ret)
		goto err_log;
	ret = kmb_xfr_ring_fill(&priv->rx);
	if (ret)
		goto err_log;
	ret = kmb_xfr_ring_fill(&priv->tx);
	if (ret)
		goto err_rx;
	ret = kmb_xfr_spare_ring(priv, 8);
	if (ret)
		goto err_tx;
	platform_set_drvdata(pdev, priv);
	return 0;
err_tx:
	kmb_xfr_teardown_tx(priv);
err_rx:
	kmb_xfr_teardown_rx(priv);
err_log:
	vfree(priv->fw_log);
	return ret;
}

static int kmb_xfr_remove(struct platform_device *pdev)
{
	struct kmb_xfr_priv *priv = platform_get_drvdata(pdev);

	kmb_xfr_reset_tx(priv);
	kmb_xfr_reset_rx(priv);
	kfree(priv->rx.desc);
	kfree(priv->tx.desc);
	vfree(priv->fw_log);
	return 0;
}

static const struct of_device_id kmb_xfr_of_match[] = {
	{ .compatible = "kmb,xfr" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_xfr_of_match);

static struct platform_driver kmb_xfr_driver = {
	.probe = kmb_xfr_probe,
	.remove = kmb_xfr_remove,
	.driver = {
		.name = "kmb-xfr",
		.of_match_table = kmb_xfr_of_match,
	},
};
module_platform_driver(kmb_xfr_driver);

MODULE_DESCRIPTION("KMB descriptor-ring NIC (two files)");
MODULE_LICENSE("GPL");
