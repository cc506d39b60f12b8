// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch across functions: probe allocates with devm_kzalloc() and
 * devm_kasprintf() (stored through drvdata and priv->name); remove then
 * kfree()s both, and devres frees them again after remove returns. The
 * findings belong on the frees in remove. The good remove frees nothing
 * devres owns. Separate priv types; probe/remove are entry points.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct foo_bad_priv {
	const char *name;
	int id;
};

struct foo_good_priv {
	const char *name;
	int id;
};

int foo_bad_probe(struct platform_device *pdev)
{
	struct foo_bad_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->id = pdev->id;
	priv->name = devm_kasprintf(&pdev->dev, GFP_KERNEL, "foo%d", pdev->id);
	if (!priv->name)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_bad_remove(struct platform_device *pdev)
{
	struct foo_bad_priv *priv = platform_get_drvdata(pdev);

	kfree(priv->name); /* expect: free-mismatch */
	kfree(priv); /* expect: free-mismatch */
	return 0;
}

int foo_good_probe(struct platform_device *pdev)
{
	struct foo_good_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->id = pdev->id;
	priv->name = devm_kasprintf(&pdev->dev, GFP_KERNEL, "foo%d", pdev->id);
	if (!priv->name)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_good_remove(struct platform_device *pdev)
{
	struct foo_good_priv *priv = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "%s removed\n", priv->name);
	return 0;
}

MODULE_LICENSE("GPL");
