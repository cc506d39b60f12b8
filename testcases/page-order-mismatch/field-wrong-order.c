// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch across functions, through a struct field: probe
 * stores order-2 pages in priv->ring; remove releases them with
 * free_pages(.., 1), so half of the block leaks at every unbind. The
 * finding belongs on the free in remove. The good driver names the order
 * once (FOO_RING_ORDER) and uses it on both sides. Separate priv types;
 * probe and remove are entry points (a driver struct would reference them).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define FOO_RING_ORDER	2

struct foo_bad_priv {
	void *ring;
	size_t ring_size;
};

struct foo_good_priv {
	void *ring;
	size_t ring_size;
};

int foo_bad_probe(struct platform_device *pdev)
{
	struct foo_bad_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->ring = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 2);
	if (!priv->ring)
		return -ENOMEM;
	priv->ring_size = PAGE_SIZE << 2;
	dev_set_drvdata(&pdev->dev, priv);
	return 0;
}

int foo_bad_remove(struct platform_device *pdev)
{
	struct foo_bad_priv *priv = dev_get_drvdata(&pdev->dev);

	priv->ring_size = 0;
	free_pages((unsigned long)priv->ring, 1); /* expect: page-order-mismatch */
	return 0;
}

int foo_good_probe(struct platform_device *pdev)
{
	struct foo_good_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->ring = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
					      FOO_RING_ORDER);
	if (!priv->ring)
		return -ENOMEM;
	priv->ring_size = PAGE_SIZE << FOO_RING_ORDER;
	dev_set_drvdata(&pdev->dev, priv);
	return 0;
}

int foo_good_remove(struct platform_device *pdev)
{
	struct foo_good_priv *priv = dev_get_drvdata(&pdev->dev);

	priv->ring_size = 0;
	free_pages((unsigned long)priv->ring, FOO_RING_ORDER);
	return 0;
}

MODULE_LICENSE("GPL");
