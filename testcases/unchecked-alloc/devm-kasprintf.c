// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: devm_kasprintf() builds a name for a resource and may
 * return NULL; its result is read by strlen() without a check.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_priv {
	const char *irq_name;
	size_t irq_name_len;
};

static int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_priv *priv;
	char *name;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	name = devm_kasprintf(&pdev->dev, GFP_KERNEL, "%s-irq", dev_name(&pdev->dev));
	priv->irq_name_len = strlen(name); /* expect: unchecked-alloc */
	priv->irq_name = name;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct foo_priv *priv;
	char *name;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	name = devm_kasprintf(&pdev->dev, GFP_KERNEL, "%s-irq", dev_name(&pdev->dev));
	if (!name)
		return -ENOMEM;
	priv->irq_name_len = strlen(name);
	priv->irq_name = name;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.driver = { .name = "foo-name-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.driver = { .name = "foo-name-good" },
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
