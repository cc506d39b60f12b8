// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: an allocation stored in a struct field with no NULL
 * check, the function goes on to return success, and no function of
 * the file ever tests that field.  No one will notice the failure: the
 * usual upstream fix "add missing check for devm_kasprintf()" (a pinctrl
 * group name, a PMU name, an interrupt name, a sound card's components
 * string).  Reported at the store.
 *
 * Not reported: the same store checked before success (bar_probe_good);
 * a field some function tests before it reads it, where NULL is a state
 * the field may have (bar_priv::cache); an unchecked store on a path that
 * returns an error (the caller tears the structure down); a block from a
 * helper that also returns NULL for a value of its argument (keyspan's
 * keyspan_setup_urb() for an endpoint of -1): NULL is then a state the
 * field is meant to have, and nothing dereferences it; a void function
 * (a callback that cannot report the failure, bar_refill()); a function
 * that also returns the block (its caller tests it, bar_last()); a copy
 * of a string that may itself be NULL (kstrdup(NULL) is NULL: the
 * `src=` key of rules/alloc.rules), bar_set_fw().  A copy of a string
 * known not to be NULL is reported (bar_set_alias_bad()).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct bar_bad_priv {
	const char *name;
	const char *alias;
	int id;
};

struct bar_good_priv {
	const char *name;
	const char *fw;
	const char *label;	/* never tested: only void and returning stores */
	void *cache;
	void *ack;
	int id;
};

static void *bar_setup(int ep)
{
	if (ep < 0)
		return NULL;	/* no such endpoint: the caller's choice */
	return kmalloc(64, GFP_KERNEL);
}

static int bar_probe_bad(struct platform_device *pdev)
{
	struct bar_bad_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->id = pdev->id;
	priv->name = devm_kasprintf(&pdev->dev, GFP_KERNEL, "bar-%d", pdev->id); /* expect: unchecked-alloc:medium */
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int bar_probe_good(struct platform_device *pdev)
{
	struct bar_good_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->id = pdev->id;
	priv->name = devm_kasprintf(&pdev->dev, GFP_KERNEL, "bar-%d", pdev->id);
	if (!priv->name)
		return -ENOMEM;
	if (pdev->id < 0) {
		/* error path: an unchecked store is the unwind's business */
		priv->name = devm_kasprintf(&pdev->dev, GFP_KERNEL, "bar-x");
		return -EINVAL;
	}
	/* optional: bar_remove_good() tests it */
	priv->cache = kmalloc(256, GFP_KERNEL);
	priv->ack = bar_setup(pdev->id - 1);
	platform_set_drvdata(pdev, priv);
	return 0;
}

int bar_set_alias_bad(struct bar_bad_priv *priv)
{
	priv->alias = kstrdup("bar-alias", GFP_KERNEL); /* expect: unchecked-alloc:medium */
	return 0;
}

/* fw may be NULL (no firmware): so may the copy, by design */
int bar_set_fw(struct bar_good_priv *priv, const char *fw)
{
	priv->fw = kstrdup(fw, GFP_KERNEL);
	return 0;
}

void bar_refill(struct bar_good_priv *priv)
{
	kfree(priv->label);
	priv->label = kasprintf(GFP_KERNEL, "bar-%d", priv->id);
}

const char *bar_last(struct bar_good_priv *priv)
{
	kfree(priv->label);
	priv->label = kasprintf(GFP_KERNEL, "bar-last-%d", priv->id);
	return priv->label;
}

static int bar_remove_good(struct platform_device *pdev)
{
	struct bar_good_priv *priv = platform_get_drvdata(pdev);

	if (priv->cache)
		kfree(priv->cache);
	kfree(priv->ack);
	return 0;
}

static struct platform_driver bar_bad_driver = {
	.probe = bar_probe_bad,
	.driver = { .name = "bar-bad" },
};

static struct platform_driver bar_good_driver = {
	.probe = bar_probe_good,
	.remove = bar_remove_good,
	.driver = { .name = "bar-good" },
};

static struct platform_driver * const bar_drivers[] = {
	&bar_bad_driver,
	&bar_good_driver,
};

static int __init bar_init(void)
{
	return platform_register_drivers(bar_drivers, ARRAY_SIZE(bar_drivers));
}
module_init(bar_init);

static void __exit bar_exit(void)
{
	platform_unregister_drivers(bar_drivers, ARRAY_SIZE(bar_drivers));
}
module_exit(bar_exit);

MODULE_LICENSE("GPL");
