// SPDX-License-Identifier: GPL-2.0
/*
 * Correct code only: a probe function, a work item and a callback given
 * to a function whose context the tables do not describe all may use
 * GFP_KERNEL (devm_add_action_or_reset()); nothing is assumed about a context kmemlint cannot see.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/delay.h>

struct foo_dev {
	struct work_struct work;
	void *buf;
};

static void foo_cb(void *data)
{
	struct foo_dev *fd = data;

	kfree(fd->buf);
	fd->buf = kzalloc(32, GFP_KERNEL);
}

static void foo_work(struct work_struct *w)
{
	struct foo_dev *fd = container_of(w, struct foo_dev, work);

	msleep(10);
	kfree(fd->buf);
	fd->buf = kzalloc(32, GFP_KERNEL);
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_dev *fd = devm_kzalloc(&pdev->dev, sizeof(*fd), GFP_KERNEL);

	if (!fd)
		return -ENOMEM;
	fd->buf = kzalloc(32, GFP_KERNEL);
	if (!fd->buf)
		return -ENOMEM;
	INIT_WORK(&fd->work, foo_work);
	platform_set_drvdata(pdev, fd);
	return devm_add_action_or_reset(&pdev->dev, foo_cb, fd);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.driver = { .name = "foo-process" },
};
module_platform_driver(foo_driver);
MODULE_LICENSE("GPL");
