// SPDX-License-Identifier: GPL-2.0
/*
 * devm memory is released by the device core at unbind: an error return
 * after devm_kzalloc() is not a leak. The kmalloc() twin is.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *base;
	u8 *buf;
};

int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base); /* expect: alloc-leak */
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_probe_good(struct platform_device *pdev)
{
	struct foo_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv),
					     GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	platform_set_drvdata(pdev, priv);
	return 0;
}

MODULE_LICENSE("GPL");
