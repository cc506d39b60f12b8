// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kmemdup() copy of a template struct, then a member
 * written without a check.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_cfg {
	u32 speed;
	u32 mode;
};

static const struct foo_cfg foo_default_cfg = {
	.speed = 100000,
	.mode = 1,
};

struct foo_priv {
	struct foo_cfg *cfg;
};

int foo_cfg_bad(struct foo_priv *priv, u32 speed)
{
	struct foo_cfg *cfg;

	cfg = kmemdup(&foo_default_cfg, sizeof(*cfg), GFP_KERNEL);
	cfg->speed = speed; /* expect: unchecked-alloc */
	priv->cfg = cfg;
	return 0;
}

int foo_cfg_good(struct foo_priv *priv, u32 speed)
{
	struct foo_cfg *cfg;

	cfg = kmemdup(&foo_default_cfg, sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	cfg->speed = speed;
	priv->cfg = cfg;
	return 0;
}

MODULE_LICENSE("GPL");
