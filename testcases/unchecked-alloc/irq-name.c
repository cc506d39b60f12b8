// SPDX-License-Identifier: GPL-2.0
/*
 * An interrupt's name is kept by the irq core (action->name, shown in
 * /proc/interrupts) and read after request_irq() returns.  A
 * devm_kasprintf() name passed on unchecked is the bug of dmaengine's
 * edma_probe() (CVE-2024-26771: "Add some null pointer checks").  foo
 * passes the name straight to devm_request_irq(); baz through a helper
 * of the file; bar and qux check it first.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

struct foo_dev {
	struct device *dev;
	int irq;
	int tc_irq;
};

static irqreturn_t foo_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

int foo_setup_irq(struct foo_dev *fd)
{
	const char *name;

	name = devm_kasprintf(fd->dev, GFP_KERNEL, "%s_ccint",
			      dev_name(fd->dev));
	return devm_request_irq(fd->dev, fd->irq, foo_irq, 0, name, fd); /* expect: unchecked-alloc */
}
EXPORT_SYMBOL_GPL(foo_setup_irq);

int bar_setup_irq(struct foo_dev *fd)
{
	const char *name;

	name = devm_kasprintf(fd->dev, GFP_KERNEL, "%s_ccint",
			      dev_name(fd->dev));
	if (!name)
		return -ENOMEM;
	return devm_request_irq(fd->dev, fd->irq, foo_irq, 0, name, fd);
}
EXPORT_SYMBOL_GPL(bar_setup_irq);

static int baz_request(struct foo_dev *fd, int irq, const char *name)
{
	return request_threaded_irq(irq, NULL, foo_irq, IRQF_ONESHOT, name, fd);
}

int baz_setup_irq(struct foo_dev *fd)
{
	char *name = kasprintf(GFP_KERNEL, "%s_tc", dev_name(fd->dev));
	int ret;

	ret = baz_request(fd, fd->tc_irq, name); /* expect: unchecked-alloc */
	if (ret)
		kfree(name);
	return ret;
}
EXPORT_SYMBOL_GPL(baz_setup_irq);

int qux_setup_irq(struct foo_dev *fd)
{
	char *name = kasprintf(GFP_KERNEL, "%s_tc", dev_name(fd->dev));
	int ret;

	if (!name)
		return -ENOMEM;
	ret = baz_request(fd, fd->tc_irq, name);
	if (ret)
		kfree(name);
	return ret;
}
EXPORT_SYMBOL_GPL(qux_setup_irq);

MODULE_LICENSE("GPL");
