// SPDX-License-Identifier: GPL-2.0
/*
 * double-free across probe and remove. Good driver: probe's error path
 * frees priv->buf and returns an error (remove is then never called), and
 * remove frees only what a successful probe stored: silent. Bad driver:
 * when the IRQ is missing, probe frees priv->buf but still returns 0 (it
 * goes on in polling mode), so remove frees it a second time. Separate
 * priv types; probe/remove are entry points.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define FOO_BUF_LEN	4096

struct foo_good_priv {
	u8 *buf;
	int irq;
};

struct foo_bad_priv {
	u8 *buf;
	int irq;
};

int foo_good_probe(struct platform_device *pdev)
{
	struct foo_good_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->buf = kzalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!priv->buf)
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		kfree(priv->buf);
		return priv->irq;
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_good_remove(struct platform_device *pdev)
{
	struct foo_good_priv *priv = platform_get_drvdata(pdev);

	kfree(priv->buf);
	return 0;
}

int foo_bad_probe(struct platform_device *pdev)
{
	struct foo_bad_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->buf = kzalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!priv->buf)
		return -ENOMEM;
	priv->irq = platform_get_irq_optional(pdev, 0);
	if (priv->irq < 0) {
		dev_info(&pdev->dev, "no IRQ, polling\n");
		kfree(priv->buf);
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_bad_remove(struct platform_device *pdev)
{
	struct foo_bad_priv *priv = platform_get_drvdata(pdev);

	kfree(priv->buf); /* expect: double-free */
	return 0;
}

MODULE_LICENSE("GPL");
