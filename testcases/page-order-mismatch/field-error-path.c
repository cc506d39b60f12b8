// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch within probe, through a field: the ring is stored in
 * priv->ring (order 2) and the error path taken when the IRQ cannot be
 * requested releases priv->ring with free_page(). foo_good_probe()
 * releases order 2; foo_remove() is shared and correct.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/gfp.h>
#include <linux/slab.h>

#define FOO_RING_ORDER	2

struct foo_priv {
	unsigned long ring;
	int irq;
};

static irqreturn_t foo_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

int foo_bad_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;
	priv->ring = __get_free_pages(GFP_KERNEL, FOO_RING_ORDER);
	if (!priv->ring)
		return -ENOMEM;
	ret = request_irq(priv->irq, foo_irq, 0, "foo", priv);
	if (ret) {
		free_page(priv->ring); /* expect: page-order-mismatch */
		return ret;
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_good_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;
	priv->ring = __get_free_pages(GFP_KERNEL, FOO_RING_ORDER);
	if (!priv->ring)
		return -ENOMEM;
	ret = request_irq(priv->irq, foo_irq, 0, "foo", priv);
	if (ret) {
		free_pages(priv->ring, FOO_RING_ORDER);
		return ret;
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	free_pages(priv->ring, FOO_RING_ORDER);
	return 0;
}

MODULE_LICENSE("GPL");
