// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch of a managed I/O mapping: iounmap() of what
 * devm_platform_ioremap_resource() or devm_ioremap() mapped unmaps it
 * now and once more at unbind (the kernel's "remove iounmap() of a devm
 * mapping" fixes).  The bad driver keeps the devm_ioremap() mapping in
 * its private struct and iounmap()s it in remove, another function; its
 * error path iounmap()s the resource mapping.  The good driver releases
 * nothing: the device core does.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *ctrl;
	void __iomem *data;
};

static int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_priv *priv;
	struct resource *res;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->ctrl = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->ctrl))
		return PTR_ERR(priv->ctrl);
	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	if (!res) {
		iounmap(priv->ctrl); /* expect: free-mismatch */
		return -ENODEV;
	}
	priv->data = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->data)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int foo_remove_bad(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->ctrl);
	iounmap(priv->data); /* expect: free-mismatch */
	return 0;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct foo_priv *priv;
	struct resource *res;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->ctrl = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->ctrl))
		return PTR_ERR(priv->ctrl);
	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	if (!res)
		return -ENODEV;
	priv->data = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->data)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int foo_remove_good(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->ctrl);
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.remove = foo_remove_bad,
	.driver = { .name = "foo-devm-iounmap-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.remove = foo_remove_good,
	.driver = { .name = "foo-devm-iounmap-good" },
};

static int __init foo_init(void)
{
	int ret = platform_driver_register(&foo_bad_driver);

	if (ret)
		return ret;
	ret = platform_driver_register(&foo_good_driver);
	if (ret)
		platform_driver_unregister(&foo_bad_driver);
	return ret;
}

static void __exit foo_exit(void)
{
	platform_driver_unregister(&foo_good_driver);
	platform_driver_unregister(&foo_bad_driver);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
