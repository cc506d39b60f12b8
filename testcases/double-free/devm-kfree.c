// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of devm memory in a loop: each property name is built with
 * devm_kasprintf() and released early with devm_kfree(); when the lookup
 * fails, foo_props_bad() releases the name and, missing a `continue`,
 * releases it again at the end of the iteration. foo_props_good()
 * continues.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/property.h>
#include <linux/slab.h>

#define FOO_NR_CH	4

struct foo_priv {
	u32 gain[FOO_NR_CH];
};

int foo_props_bad(struct device *dev, struct foo_priv *priv)
{
	char *name;
	int i;

	for (i = 0; i < FOO_NR_CH; i++) {
		name = devm_kasprintf(dev, GFP_KERNEL, "foo,ch%d-gain", i);
		if (!name)
			return -ENOMEM;
		if (device_property_read_u32(dev, name, &priv->gain[i])) {
			dev_dbg(dev, "%s: using default\n", name);
			priv->gain[i] = 1;
			devm_kfree(dev, name);
		}
		devm_kfree(dev, name); /* expect: double-free */
	}
	return 0;
}

int foo_props_good(struct device *dev, struct foo_priv *priv)
{
	char *name;
	int i;

	for (i = 0; i < FOO_NR_CH; i++) {
		name = devm_kasprintf(dev, GFP_KERNEL, "foo,ch%d-gain", i);
		if (!name)
			return -ENOMEM;
		if (device_property_read_u32(dev, name, &priv->gain[i])) {
			dev_dbg(dev, "%s: using default\n", name);
			priv->gain[i] = 1;
			devm_kfree(dev, name);
			continue;
		}
		devm_kfree(dev, name);
	}
	return 0;
}

MODULE_LICENSE("GPL");
