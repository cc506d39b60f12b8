// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of what devm memory holds when probe fails: the kernel's
 * "fix missing destroy_workqueue() / kfree() on the probe error path"
 * fixes.  The driver data (platform_set_drvdata()) keeps the devm
 * context while the device is bound, and remove() releases what it
 * holds; but where probe fails, the driver core frees the device's devm
 * memory and never calls remove(), so a workqueue or a kmalloc() buffer
 * kept only there is lost.  The bad probe returns when request_irq()
 * fails without destroying the workqueue; the good one unwinds, and the
 * third hands the release to a devm action.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

struct foo_priv {
	struct workqueue_struct *wq;
	struct work_struct work;
	u8 *rx_buf;
	int irq;
};

static void foo_work(struct work_struct *work)
{
}

static irqreturn_t foo_irq(int irq, void *data)
{
	struct foo_priv *priv = data;

	queue_work(priv->wq, &priv->work);
	return IRQ_HANDLED;
}

static int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int err;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;
	priv->wq = alloc_ordered_workqueue("foo", 0);
	if (!priv->wq)
		return -ENOMEM;
	INIT_WORK(&priv->work, foo_work);
	err = request_irq(priv->irq, foo_irq, 0, "foo", priv);
	if (err)
		return err; /* expect: alloc-leak */
	return 0;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int err;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;
	priv->wq = alloc_ordered_workqueue("foo", 0);
	if (!priv->wq)
		return -ENOMEM;
	INIT_WORK(&priv->work, foo_work);
	err = request_irq(priv->irq, foo_irq, 0, "foo", priv);
	if (err) {
		destroy_workqueue(priv->wq);
		return err;
	}
	return 0;
}

static void foo_free_buf(void *data)
{
	struct foo_priv *priv = data;

	kfree(priv->rx_buf);
}

static int foo_probe_action(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int err;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	priv->rx_buf = kmalloc(512, GFP_KERNEL);
	if (!priv->rx_buf)
		return -ENOMEM;
	err = devm_add_action_or_reset(&pdev->dev, foo_free_buf, priv);
	if (err)
		return err;
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;
	return 0;
}

static int foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	destroy_workqueue(priv->wq);
	return 0;
}

static int foo_remove_action(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.remove = foo_remove,
	.driver = { .name = "foo-wq-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.remove = foo_remove,
	.driver = { .name = "foo-wq-good" },
};

static struct platform_driver foo_action_driver = {
	.probe = foo_probe_action,
	.remove = foo_remove_action,
	.driver = { .name = "foo-buf" },
};

static struct platform_driver * const foo_drivers[] = {
	&foo_bad_driver, &foo_good_driver, &foo_action_driver,
};

static int __init foo_init(void)
{
	return platform_register_drivers(foo_drivers, ARRAY_SIZE(foo_drivers));
}

static void __exit foo_exit(void)
{
	platform_unregister_drivers(foo_drivers, ARRAY_SIZE(foo_drivers));
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
