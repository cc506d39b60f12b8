// SPDX-License-Identifier: GPL-2.0
/*
 * A devm_request_irq() handler calling a helper: the helper's
 * GFP_KERNEL allocation is reported, with a note naming the handler.  The
 * good handler passes GFP_ATOMIC to a helper that takes a mask.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>

struct foo_dev {
	u32 *events;
	int nr;
};

static void foo_record(struct foo_dev *fd, u32 status)
{
	u32 *ev = kmalloc(sizeof(*ev), GFP_KERNEL); /* expect: sleep-in-atomic */

	if (!ev)
		return;
	*ev = status;
	kfree(fd->events);
	fd->events = ev;
}

static void foo_record_gfp(struct foo_dev *fd, u32 status, gfp_t gfp)
{
	u32 *ev = kmalloc(sizeof(*ev), gfp);

	if (!ev)
		return;
	*ev = status;
	kfree(fd->events);
	fd->events = ev;
}

static irqreturn_t foo_irq_bad(int irq, void *data)
{
	foo_record(data, irq);
	return IRQ_HANDLED;
}

static irqreturn_t foo_irq_good(int irq, void *data)
{
	foo_record_gfp(data, irq, GFP_ATOMIC);
	return IRQ_HANDLED;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_dev *fd = devm_kzalloc(&pdev->dev, sizeof(*fd), GFP_KERNEL);
	int ret;

	if (!fd)
		return -ENOMEM;
	ret = devm_request_irq(&pdev->dev, platform_get_irq(pdev, 0),
			       foo_irq_bad, 0, "foo-a", fd);
	if (ret)
		return ret;
	return devm_request_irq(&pdev->dev, platform_get_irq(pdev, 1),
				foo_irq_good, 0, "foo-b", fd);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.driver = { .name = "foo-irq-helper" },
};
module_platform_driver(foo_driver);
MODULE_LICENSE("GPL");
