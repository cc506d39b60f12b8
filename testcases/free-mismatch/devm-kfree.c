// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch between devm and slab: kfree() on devm_kzalloc() memory in
 * a probe error path (devres frees it again at unbind), and devm_kfree()
 * on kmalloc() memory (devres does not know it: WARN and leak).
 * foo_good_probe() lets devres free its memory and kfree()s its own.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_priv {
	struct device *dev;
	char *label;
};

int foo_bad_probe(struct device *dev, const char *label)
{
	struct foo_priv *priv;
	char *tmp;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	tmp = kmalloc(64, GFP_KERNEL);
	if (!tmp) {
		kfree(priv); /* expect: free-mismatch */
		return -ENOMEM;
	}
	strscpy(tmp, label, 64);
	priv->label = devm_kstrdup(dev, strim(tmp), GFP_KERNEL);
	devm_kfree(dev, tmp); /* expect: free-mismatch */
	if (!priv->label)
		return -ENOMEM;
	priv->dev = dev;
	dev_set_drvdata(dev, priv);
	return 0;
}

int foo_good_probe(struct device *dev, const char *label)
{
	struct foo_priv *priv;
	char *tmp;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	tmp = kmalloc(64, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	strscpy(tmp, label, 64);
	priv->label = devm_kstrdup(dev, strim(tmp), GFP_KERNEL);
	kfree(tmp);
	if (!priv->label)
		return -ENOMEM;
	priv->dev = dev;
	dev_set_drvdata(dev, priv);
	return 0;
}

MODULE_LICENSE("GPL");
