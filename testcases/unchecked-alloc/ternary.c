// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: `?:` as a branch. `q = p ? p : fallback;` yields a
 * non-NULL pointer on both arms; `p ? p->len : 0` only reads p on the
 * non-NULL arm. foo_bad() selects on an unrelated condition instead.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ctx {
	unsigned int len;
	unsigned int count;
};

struct foo_priv {
	struct foo_ctx fallback;
	struct foo_ctx *cur;
	unsigned int len;
	bool use_len;
};

int foo_ctx_bad(struct foo_priv *priv)
{
	struct foo_ctx *p = kzalloc(sizeof(*p), GFP_KERNEL);

	priv->len = priv->use_len ? p->len : 0; /* expect: unchecked-alloc */
	priv->cur = p;
	return 0;
}

int foo_ctx_good(struct foo_priv *priv)
{
	struct foo_ctx *p = kzalloc(sizeof(*p), GFP_KERNEL);
	struct foo_ctx *q;

	q = p ? p : &priv->fallback;
	q->count++;
	priv->len = p ? p->len : 0;
	priv->cur = p;
	return 0;
}

MODULE_LICENSE("GPL");
