// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak in the kernel's usual probe() unwind ladder with four
 * resources (private data, two buffers, a DMA ring), one label per
 * resource in reverse order.  In foo_probe_bad() the third label,
 * err_free_rx, lost its kfree(): every error path from the TX buffer on
 * frees priv with the RX buffer still in it.  foo_probe_good() is the
 * same ladder with the label complete.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>

#define FOO_BUF_LEN	2048
#define FOO_RING_LEN	4096

struct foo_priv {
	u8 *rx_buf;
	u8 *tx_buf;
	void *ring;
	dma_addr_t ring_dma;
	int irq;
};

static int foo_hw_init(struct foo_priv *priv)
{
	return priv->irq > 0 ? 0 : -ENODEV;
}

int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	priv->rx_buf = kmalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!priv->rx_buf) {
		ret = -ENOMEM;
		goto err_free_priv;
	}
	priv->tx_buf = kmalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!priv->tx_buf) { /* expect-note: alloc-leak */
		ret = -ENOMEM;
		goto err_free_rx;
	}
	priv->ring = dma_alloc_coherent(&pdev->dev, FOO_RING_LEN,
					&priv->ring_dma, GFP_KERNEL);
	if (!priv->ring) {
		ret = -ENOMEM;
		goto err_free_tx;
	}
	ret = foo_hw_init(priv);
	if (ret)
		goto err_free_ring;
	platform_set_drvdata(pdev, priv);
	return 0;

err_free_ring:
	dma_free_coherent(&pdev->dev, FOO_RING_LEN, priv->ring,
			  priv->ring_dma);
err_free_tx:
	kfree(priv->tx_buf);
err_free_rx:
err_free_priv:
	kfree(priv); /* expect: alloc-leak */
	return ret;
}

int foo_probe_good(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	priv->rx_buf = kmalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!priv->rx_buf) {
		ret = -ENOMEM;
		goto err_free_priv;
	}
	priv->tx_buf = kmalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!priv->tx_buf) {
		ret = -ENOMEM;
		goto err_free_rx;
	}
	priv->ring = dma_alloc_coherent(&pdev->dev, FOO_RING_LEN,
					&priv->ring_dma, GFP_KERNEL);
	if (!priv->ring) {
		ret = -ENOMEM;
		goto err_free_tx;
	}
	ret = foo_hw_init(priv);
	if (ret)
		goto err_free_ring;
	platform_set_drvdata(pdev, priv);
	return 0;

err_free_ring:
	dma_free_coherent(&pdev->dev, FOO_RING_LEN, priv->ring,
			  priv->ring_dma);
err_free_tx:
	kfree(priv->tx_buf);
err_free_rx:
	kfree(priv->rx_buf);
err_free_priv:
	kfree(priv);
	return ret;
}

MODULE_LICENSE("GPL");
