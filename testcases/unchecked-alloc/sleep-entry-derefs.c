// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc through a kernel function the rules tables only say
 * sleeps: destroy_workqueue() has a `sleep` line, and the table entry
 * stands in for its body, but the core summary (rules/core-6.1.summaries)
 * still says it dereferences its argument on every path.  So a workqueue
 * from alloc_ordered_workqueue() passed to it unchecked is a NULL
 * dereference, in the same function (baz_flush_bad) and across functions
 * through a field (baz_probe_bad stores it, baz_remove_bad destroys it:
 * reported at the store, with a note at the use).  The twins check.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct baz_bad_priv {
	struct workqueue_struct *wq;
};

struct baz_good_priv {
	struct workqueue_struct *wq;
};

int baz_flush_bad(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("baz-tmp", 0);

	destroy_workqueue(wq); /* expect: unchecked-alloc:medium */
	return 0;
}

int baz_flush_good(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("baz-tmp", 0);

	if (!wq)
		return -ENOMEM;
	destroy_workqueue(wq);
	return 0;
}

static int baz_probe_bad(struct platform_device *pdev)
{
	struct baz_bad_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->wq = alloc_ordered_workqueue("baz-bad", 0); /* expect: unchecked-alloc:medium */
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int baz_remove_bad(struct platform_device *pdev)
{
	struct baz_bad_priv *priv = platform_get_drvdata(pdev);

	destroy_workqueue(priv->wq);
	return 0;
}

static int baz_probe_good(struct platform_device *pdev)
{
	struct baz_good_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->wq = alloc_ordered_workqueue("baz-good", 0);
	if (!priv->wq)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int baz_remove_good(struct platform_device *pdev)
{
	struct baz_good_priv *priv = platform_get_drvdata(pdev);

	destroy_workqueue(priv->wq);
	return 0;
}

static struct platform_driver baz_bad_driver = {
	.probe = baz_probe_bad,
	.remove = baz_remove_bad,
	.driver = { .name = "baz-bad" },
};

static struct platform_driver baz_good_driver = {
	.probe = baz_probe_good,
	.remove = baz_remove_good,
	.driver = { .name = "baz-good" },
};

static struct platform_driver * const baz_drivers[] = {
	&baz_bad_driver,
	&baz_good_driver,
};

static int __init baz_init(void)
{
	return platform_register_drivers(baz_drivers, ARRAY_SIZE(baz_drivers));
}
module_init(baz_init);

static void __exit baz_exit(void)
{
	platform_unregister_drivers(baz_drivers, ARRAY_SIZE(baz_drivers));
}
module_exit(baz_exit);

MODULE_LICENSE("GPL");
