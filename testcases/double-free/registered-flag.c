// SPDX-License-Identifier: GPL-2.0
/*
 * double-free across functions, guarded by a flag set only on the good
 * path (il_leds_init() and il_leds_exit() in
 * drivers/net/wireless/intel/iwlegacy/common.c).  foo_leds_init() names
 * the LED, and when registering it fails frees the name and returns
 * without setting led_registered; foo_leds_exit() returns at once unless
 * led_registered is set, so it never frees the name a failed init freed:
 * no finding.  The bad exit has no such test and frees it again.
 */
#include <linux/module.h>
#include <linux/leds.h>
#include <linux/slab.h>

struct foo_priv {
	struct device *dev;
	struct led_classdev led;
	bool led_registered;
};

void foo_leds_init(struct foo_priv *priv)
{
	priv->led.name = kasprintf(GFP_KERNEL, "%s-led", dev_name(priv->dev));
	if (!priv->led.name)
		return;
	if (led_classdev_register(priv->dev, &priv->led)) {
		kfree(priv->led.name);
		return;
	}
	priv->led_registered = true;
}

void foo_leds_exit(struct foo_priv *priv)
{
	if (!priv->led_registered)
		return;
	led_classdev_unregister(&priv->led);
	kfree(priv->led.name);
}

struct foo_bad_priv {
	struct device *dev;
	struct led_classdev led;
	bool led_registered;
};

void foo_bad_leds_init(struct foo_bad_priv *priv)
{
	priv->led.name = kasprintf(GFP_KERNEL, "%s-led", dev_name(priv->dev));
	if (!priv->led.name)
		return;
	if (led_classdev_register(priv->dev, &priv->led)) {
		kfree(priv->led.name);
		return;
	}
	priv->led_registered = true;
}

void foo_bad_leds_exit(struct foo_bad_priv *priv)
{
	if (priv->led_registered)
		led_classdev_unregister(&priv->led);
	kfree(priv->led.name); /* expect: double-free */
}

MODULE_LICENSE("GPL");
