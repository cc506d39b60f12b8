// SPDX-License-Identifier: GPL-2.0
/*
 * A driver that includes the usual subsystem headers: the front end's
 * flags must parse it with clang without a single error.  kzfree is gone
 * since 5.10: the call must still parse (implicit declaration allowed).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/netdevice.h>
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/i2c.h>
#include <linux/platform_device.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include "big-drv.h"

static DEFINE_SPINLOCK(big_lock);

static int big_probe(struct platform_device *pdev)
{
	struct big_priv *priv;
	unsigned long flags;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	spin_lock_irqsave(&big_lock, flags);
	priv->count = BIG_COUNT;
	spin_unlock_irqrestore(&big_lock, flags);
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int big_remove(struct platform_device *pdev)
{
	kzfree(platform_get_drvdata(pdev));
	return 0;
}

static struct platform_driver big_driver = {
	.probe = big_probe,
	.remove = big_remove,
	.driver = { .name = KBUILD_MODNAME },
};
module_platform_driver(big_driver);
MODULE_LICENSE("GPL");
