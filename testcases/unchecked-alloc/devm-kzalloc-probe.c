// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: devm_kzalloc() in a platform probe. devm memory is
 * freed at unbind, but the allocation can still fail and return NULL.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct foo_priv {
	struct device *dev;
	int irq;
};

static int foo_probe_bad(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct foo_priv *priv;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	priv->dev = dev; /* expect: unchecked-alloc */
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct foo_priv *priv;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = dev;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.driver = {
		.name = "foo-bad",
	},
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.driver = {
		.name = "foo-good",
	},
};

static struct platform_driver * const foo_drivers[] = {
	&foo_bad_driver,
	&foo_good_driver,
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
