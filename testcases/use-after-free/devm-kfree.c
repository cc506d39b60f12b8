// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free of devm memory released early: foo_probe_bad() parses a
 * devm_kstrdup() copy of the label, devm_kfree()s it, then stores
 * strlen() of it. foo_probe_good() measures it before the release.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_priv {
	u32 unit;
	size_t label_len;
};

int foo_probe_bad(struct device *dev, struct foo_priv *priv, const char *label)
{
	char *copy = devm_kstrdup(dev, label, GFP_KERNEL);
	int ret;

	if (!copy)
		return -ENOMEM;
	ret = kstrtou32(strim(copy), 0, &priv->unit);
	devm_kfree(dev, copy);
	priv->label_len = strlen(copy); /* expect: use-after-free */
	return ret;
}

int foo_probe_good(struct device *dev, struct foo_priv *priv, const char *label)
{
	char *copy = devm_kstrdup(dev, label, GFP_KERNEL);
	int ret;

	if (!copy)
		return -ENOMEM;
	ret = kstrtou32(strim(copy), 0, &priv->unit);
	priv->label_len = strlen(copy);
	devm_kfree(dev, copy);
	return ret;
}

MODULE_LICENSE("GPL");
