// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: `if (p) p->x = 1;` uses p only where it is non-NULL.
 * foo_bad() guards the first access and forgets the second one.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_opts {
	bool crc;
	bool fast;
};

struct foo_priv {
	struct foo_opts *opts;
};

void foo_opts_bad(struct foo_priv *priv)
{
	struct foo_opts *opts = kzalloc(sizeof(*opts), GFP_KERNEL);

	if (opts)
		opts->crc = true;
	opts->fast = true; /* expect: unchecked-alloc */
	priv->opts = opts;
}

void foo_opts_good(struct foo_priv *priv)
{
	struct foo_opts *opts = kzalloc(sizeof(*opts), GFP_KERNEL);

	if (opts)
		opts->crc = true;
	if (opts)
		opts->fast = true;
	priv->opts = opts;
}

MODULE_LICENSE("GPL");
