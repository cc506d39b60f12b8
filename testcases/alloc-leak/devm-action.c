// SPDX-License-Identifier: GPL-2.0
/*
 * Ownership handed to devres with devm_add_action_or_reset() (an owner
 * line): the action frees the table when the device goes, or at once if
 * registering the action fails.  foo_probe_good() owns nothing after the
 * call, whatever it returned.  foo_probe_bad() returns an error from the
 * clock lookup before registering the action, and the table leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/clk.h>

struct foo_priv {
	u32 *table;
	struct clk *clk;
};

static void foo_free_table(void *table)
{
	kfree(table);
}

static int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_priv *priv;
	u32 *table;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	table = kcalloc(64, sizeof(*table), GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	priv->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk)) /* expect-note: alloc-leak */
		return PTR_ERR(priv->clk); /* expect: alloc-leak */
	priv->table = table;
	platform_set_drvdata(pdev, priv);
	return devm_add_action_or_reset(&pdev->dev, foo_free_table, table);
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct foo_priv *priv;
	u32 *table;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	table = kcalloc(64, sizeof(*table), GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	ret = devm_add_action_or_reset(&pdev->dev, foo_free_table, table);
	if (ret)
		return ret;
	priv->table = table;
	priv->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk))
		return PTR_ERR(priv->clk);
	platform_set_drvdata(pdev, priv);
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.driver = { .name = "foo-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.driver = { .name = "foo-good" },
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
module_init(foo_init);

static void __exit foo_exit(void)
{
	platform_driver_unregister(&foo_good_driver);
	platform_driver_unregister(&foo_bad_driver);
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
