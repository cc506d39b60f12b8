// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch across functions, through a struct field: probe
 * stores order-2 pages, priv->ring = (void *)__get_free_pages(GFP_KERNEL, 2),
 * and remove releases them with free_page(), order 0. The finding belongs
 * on the free in remove. The good driver's remove uses free_pages(.., 2).
 * Each driver has its own priv type, so the two do not mix.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/gfp.h>
#include <linux/slab.h>

struct foo_bad_priv {
	void *ring;
};

struct foo_good_priv {
	void *ring;
};

static int foo_bad_probe(struct platform_device *pdev)
{
	struct foo_bad_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->ring = (void *)__get_free_pages(GFP_KERNEL, 2);
	if (!priv->ring)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int foo_bad_remove(struct platform_device *pdev)
{
	struct foo_bad_priv *priv = platform_get_drvdata(pdev);

	free_page((unsigned long)priv->ring); /* expect: page-order-mismatch:medium */
	return 0;
}

static int foo_good_probe(struct platform_device *pdev)
{
	struct foo_good_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->ring = (void *)__get_free_pages(GFP_KERNEL, 2);
	if (!priv->ring)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int foo_good_remove(struct platform_device *pdev)
{
	struct foo_good_priv *priv = platform_get_drvdata(pdev);

	free_pages((unsigned long)priv->ring, 2);
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_bad_probe, .remove = foo_bad_remove, .driver.name = "foo-bad",
};

static struct platform_driver foo_good_driver = {
	.probe = foo_good_probe, .remove = foo_good_remove, .driver.name = "foo-good",
};

static struct platform_driver * const foo_drivers[] = {
	&foo_bad_driver, &foo_good_driver,
};

static int __init foo_init(void)
{
	return platform_register_drivers(foo_drivers, ARRAY_SIZE(foo_drivers));
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	platform_unregister_drivers(foo_drivers, ARRAY_SIZE(foo_drivers));
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
