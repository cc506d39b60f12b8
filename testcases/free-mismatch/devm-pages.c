// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch on managed pages: devm_get_free_pages() released with
 * free_pages() (devres frees them again at unbind). foo_good() uses
 * devm_free_pages(), which also drops the devres entry.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/gfp.h>

#define FOO_ORDER	1

struct foo_priv {
	struct device *dev;
	unsigned long scratch;
};

int foo_scratch_bad(struct foo_priv *priv, bool keep)
{
	unsigned long scratch;

	scratch = devm_get_free_pages(priv->dev, GFP_KERNEL, FOO_ORDER);
	if (!scratch)
		return -ENOMEM;
	if (!keep) {
		free_pages(scratch, FOO_ORDER); /* expect: free-mismatch */
		return 0;
	}
	priv->scratch = scratch;
	return 0;
}

int foo_scratch_good(struct foo_priv *priv, bool keep)
{
	unsigned long scratch;

	scratch = devm_get_free_pages(priv->dev, GFP_KERNEL, FOO_ORDER);
	if (!scratch)
		return -ENOMEM;
	if (!keep) {
		devm_free_pages(priv->dev, scratch);
		return 0;
	}
	priv->scratch = scratch;
	return 0;
}

MODULE_LICENSE("GPL");
