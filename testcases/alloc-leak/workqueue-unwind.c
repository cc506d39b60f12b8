// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of a workqueue: the kernel's "fix missing destroy_workqueue()
 * on error" fixes.  alloc_workqueue() (and create_singlethread_workqueue(),
 * alloc_ordered_workqueue(), macros for it) returns a workqueue the
 * caller releases with destroy_workqueue().  The bad probe frees its
 * context, which holds the workqueue, when request_irq() fails (reported
 * at that kfree(), where the last reference goes); the bad
 * module init returns the driver registration's error with the workqueue
 * only in a global (the exit function never runs after a failed init).
 * The good ones destroy it first.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

struct foo_dev {
	struct workqueue_struct *wq;
	struct work_struct work;
	int irq;
};

static struct workqueue_struct *foo_events_wq;

static void foo_work(struct work_struct *work)
{
}

static irqreturn_t foo_irq(int irq, void *data)
{
	struct foo_dev *foo = data;

	queue_work(foo->wq, &foo->work);
	return IRQ_HANDLED;
}

static int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_dev *foo;
	int err;

	foo = kzalloc(sizeof(*foo), GFP_KERNEL);
	if (!foo)
		return -ENOMEM;
	foo->irq = platform_get_irq(pdev, 0);
	if (foo->irq < 0) {
		err = foo->irq;
		goto err_free;
	}
	foo->wq = create_singlethread_workqueue("foo");
	if (!foo->wq) {
		err = -ENOMEM;
		goto err_free;
	}
	INIT_WORK(&foo->work, foo_work);
	err = request_irq(foo->irq, foo_irq, 0, "foo", foo);
	if (err)
		goto err_free;
	platform_set_drvdata(pdev, foo);
	return 0;

err_free:
	kfree(foo); /* expect: alloc-leak */
	return err;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct foo_dev *foo;
	int err;

	foo = kzalloc(sizeof(*foo), GFP_KERNEL);
	if (!foo)
		return -ENOMEM;
	foo->irq = platform_get_irq(pdev, 0);
	if (foo->irq < 0) {
		err = foo->irq;
		goto err_free;
	}
	foo->wq = alloc_ordered_workqueue("foo", 0);
	if (!foo->wq) {
		err = -ENOMEM;
		goto err_free;
	}
	INIT_WORK(&foo->work, foo_work);
	err = request_irq(foo->irq, foo_irq, 0, "foo", foo);
	if (err)
		goto err_destroy;
	platform_set_drvdata(pdev, foo);
	return 0;

err_destroy:
	destroy_workqueue(foo->wq);
err_free:
	kfree(foo);
	return err;
}

static int foo_remove(struct platform_device *pdev)
{
	struct foo_dev *foo = platform_get_drvdata(pdev);

	free_irq(foo->irq, foo);
	destroy_workqueue(foo->wq);
	kfree(foo);
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

static int __init foo_init_bad(void)
{
	int err;

	foo_events_wq = alloc_workqueue("foo_events", WQ_MEM_RECLAIM, 0);
	if (!foo_events_wq)
		return -ENOMEM;
	err = platform_driver_register(&foo_bad_driver);
	if (err)
		return err; /* expect: alloc-leak */
	err = platform_driver_register(&foo_good_driver);
	if (err) {
		platform_driver_unregister(&foo_bad_driver);
		destroy_workqueue(foo_events_wq);
	}
	return err;
}

static void __exit foo_exit(void)
{
	platform_driver_unregister(&foo_good_driver);
	platform_driver_unregister(&foo_bad_driver);
	destroy_workqueue(foo_events_wq);
}

module_init(foo_init_bad);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
