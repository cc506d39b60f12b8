// SPDX-License-Identifier: GPL-2.0
/*
 * Ownership handed to the device core and to reference counting, as
 * owner lines of rules/owner.rules: platform_set_drvdata() (the remove
 * callback frees the private data), kref_put() (the release function
 * frees the object when the last reference goes, as usb_serial_put()
 * does in drivers/usb/serial/usb-serial.c) and kfree_rcu(). Each
 * foo_*_good() gives its allocation to one of them on every path;
 * foo_probe_bad() returns before platform_set_drvdata() and leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kref.h>
#include <linux/rcupdate.h>
#include <linux/platform_device.h>

struct foo_priv {
	struct kref ref;
	struct rcu_head rcu;
	int irq;
};

static void foo_release(struct kref *ref)
{
	kfree(container_of(ref, struct foo_priv, ref));
}

int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_priv *priv;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq; /* expect: alloc-leak */
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_probe_good(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int irq;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->irq = irq;
	platform_set_drvdata(pdev, priv);
	return 0;
}

int foo_open_good(struct platform_device *pdev)
{
	struct foo_priv *priv;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	kref_init(&priv->ref);
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		kref_put(&priv->ref, foo_release);
		return -ENXIO;
	}
	kfree_rcu(priv, rcu);
	return 0;
}

MODULE_LICENSE("GPL");
