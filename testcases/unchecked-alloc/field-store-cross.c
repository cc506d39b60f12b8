// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc across functions, through a struct field: probe stores
 * devm_kcalloc() in priv->events and returns success without a NULL
 * check, and the IRQ handler indexes priv->events without one either.
 * The finding belongs on the store in probe (the function that forgot
 * the check). The good probe checks before returning success. Separate
 * priv types; probe is an entry point.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

#define FOO_NR_EVENTS	64

struct foo_bad_priv {
	unsigned long *events;
	unsigned int nr_events;
};

struct foo_good_priv {
	unsigned long *events;
	unsigned int nr_events;
};

static irqreturn_t foo_bad_irq(int irq, void *data)
{
	struct foo_bad_priv *priv = data;

	priv->events[priv->nr_events++ % FOO_NR_EVENTS] = jiffies;
	return IRQ_HANDLED;
}

static irqreturn_t foo_good_irq(int irq, void *data)
{
	struct foo_good_priv *priv = data;

	priv->events[priv->nr_events++ % FOO_NR_EVENTS] = jiffies;
	return IRQ_HANDLED;
}

int foo_bad_probe(struct platform_device *pdev)
{
	struct foo_bad_priv *priv;
	int irq = platform_get_irq(pdev, 0);

	if (irq < 0)
		return irq;
	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->events = devm_kcalloc(&pdev->dev, FOO_NR_EVENTS, sizeof(*priv->events), GFP_KERNEL); /* expect: unchecked-alloc:medium */
	platform_set_drvdata(pdev, priv);
	return devm_request_irq(&pdev->dev, irq, foo_bad_irq, 0, "foo-bad", priv);
}

int foo_good_probe(struct platform_device *pdev)
{
	struct foo_good_priv *priv;
	int irq = platform_get_irq(pdev, 0);

	if (irq < 0)
		return irq;
	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->events = devm_kcalloc(&pdev->dev, FOO_NR_EVENTS,
				    sizeof(*priv->events), GFP_KERNEL);
	if (!priv->events)
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return devm_request_irq(&pdev->dev, irq, foo_good_irq, 0, "foo-good", priv);
}

MODULE_LICENSE("GPL");
