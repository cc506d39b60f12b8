// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: `&&` is a branch. `p && p->x` reads p->x only when p
 * is non-NULL; `p->x && p` reads it first and tests p too late.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_caps {
	bool dma;
	bool msi;
};

struct foo_priv {
	struct foo_caps *caps;
	bool use_dma;
};

void foo_caps_bad(struct foo_priv *priv)
{
	struct foo_caps *caps = kzalloc(sizeof(*caps), GFP_KERNEL);

	priv->use_dma = caps->dma && caps; /* expect: unchecked-alloc */
	priv->caps = caps;
}

void foo_caps_good(struct foo_priv *priv)
{
	struct foo_caps *caps = kzalloc(sizeof(*caps), GFP_KERNEL);

	priv->use_dma = caps && caps->dma;
	priv->caps = caps;
}

MODULE_LICENSE("GPL");
