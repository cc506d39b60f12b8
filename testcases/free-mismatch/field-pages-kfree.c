// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch across functions: probe stores a get_zeroed_page() status
 * page in priv->status, and remove releases it with kfree() (not slab
 * memory). The finding belongs on the free in remove. The good remove
 * uses free_page(). Separate priv types; probe/remove are entry points.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/gfp.h>
#include <linux/slab.h>

struct foo_bad_priv {
	u32 *status;
};

struct foo_good_priv {
	u32 *status;
};

int foo_bad_probe(struct platform_device *pdev)
{
	struct foo_bad_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->status = (u32 *)get_zeroed_page(GFP_KERNEL);
	if (!priv->status)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_bad_remove(struct platform_device *pdev)
{
	struct foo_bad_priv *priv = platform_get_drvdata(pdev);

	kfree(priv->status); /* expect: free-mismatch */
	return 0;
}

int foo_good_probe(struct platform_device *pdev)
{
	struct foo_good_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->status = (u32 *)get_zeroed_page(GFP_KERNEL);
	if (!priv->status)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_good_remove(struct platform_device *pdev)
{
	struct foo_good_priv *priv = platform_get_drvdata(pdev);

	free_page((unsigned long)priv->status);
	return 0;
}

MODULE_LICENSE("GPL");
