// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc through kernel functions the rules tables only say
 * sleep: down() and __flush_workqueue() (what flush_workqueue() expands
 * to) have a `sleep` line, and the table entry stands in for their body,
 * but the core summary (rules/core-6.1.summaries) still says they
 * dereference their argument.  So a semaphore in a kzalloc()ed context
 * taken unchecked is a NULL dereference (baz_lock_bad), and so is a
 * workqueue from alloc_ordered_workqueue() flushed unchecked in another
 * function through a field (baz_probe_bad stores it, baz_remove_bad
 * flushes it: reported at the store, with a note at the use).  The twins
 * check.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/semaphore.h>

struct baz_bad_priv {
	struct workqueue_struct *wq;
};

struct baz_good_priv {
	struct workqueue_struct *wq;
};

struct baz_ctx {
	struct semaphore sem;
	int users;
};

int baz_lock_bad(void)
{
	struct baz_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	down(&ctx->sem); /* expect: unchecked-alloc:high */
	ctx->users++;
	up(&ctx->sem);
	kfree(ctx);
	return 0;
}

int baz_lock_good(void)
{
	struct baz_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	down(&ctx->sem);
	ctx->users++;
	up(&ctx->sem);
	kfree(ctx);
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

	flush_workqueue(priv->wq);
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

	flush_workqueue(priv->wq);
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
