// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch on managed DMA memory: dmam_alloc_coherent() released with
 * dma_free_coherent() on a probe error path; devres releases it again at
 * unbind. foo_good_probe() leaves it to devres (or would call
 * dmam_free_coherent()).
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/device.h>
#include <linux/slab.h>

#define FOO_RING_BYTES	4096

struct foo_priv {
	void *ring;
	dma_addr_t ring_dma;
};

int foo_bad_probe(struct device *dev)
{
	struct foo_priv *priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->ring = dmam_alloc_coherent(dev, FOO_RING_BYTES, &priv->ring_dma,
					 GFP_KERNEL);
	if (!priv->ring)
		return -ENOMEM;
	if (dma_set_mask(dev, DMA_BIT_MASK(32))) {
		dma_free_coherent(dev, FOO_RING_BYTES, priv->ring, priv->ring_dma); /* expect: free-mismatch */
		return -EIO;
	}
	dev_set_drvdata(dev, priv);
	return 0;
}

int foo_good_probe(struct device *dev)
{
	struct foo_priv *priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->ring = dmam_alloc_coherent(dev, FOO_RING_BYTES, &priv->ring_dma,
					 GFP_KERNEL);
	if (!priv->ring)
		return -ENOMEM;
	if (dma_set_mask(dev, DMA_BIT_MASK(32)))
		return -EIO;
	dev_set_drvdata(dev, priv);
	return 0;
}

MODULE_LICENSE("GPL");
