// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: a switch whose first case checks the allocation and
 * falls through into a case that uses it. Entering at the second case
 * skips the check.
 */
#include <linux/module.h>
#include <linux/slab.h>

enum foo_mode {
	FOO_MODE_FULL,
	FOO_MODE_LITE,
};

struct foo_state {
	enum foo_mode mode;
	u32 features;
};

struct foo_priv {
	struct foo_state *state;
};

int foo_state_bad(struct foo_priv *priv, enum foo_mode mode)
{
	struct foo_state *st = kzalloc(sizeof(*st), GFP_KERNEL);

	switch (mode) {
	case FOO_MODE_FULL:
		if (!st)
			return -ENOMEM;
		st->features = ~0u;
		fallthrough;
	case FOO_MODE_LITE:
		st->mode = mode; /* expect: unchecked-alloc */
		break;
	default:
		kfree(st);
		return -EINVAL;
	}
	priv->state = st;
	return 0;
}

int foo_state_good(struct foo_priv *priv, enum foo_mode mode)
{
	struct foo_state *st = kzalloc(sizeof(*st), GFP_KERNEL);

	if (!st)
		return -ENOMEM;
	switch (mode) {
	case FOO_MODE_FULL:
		st->features = ~0u;
		fallthrough;
	case FOO_MODE_LITE:
		st->mode = mode;
		break;
	default:
		kfree(st);
		return -EINVAL;
	}
	priv->state = st;
	return 0;
}

MODULE_LICENSE("GPL");
