// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: a retry loop `do { p = kmalloc(...); } while (!p &&
 * --tries);` can end with p still NULL when the tries run out.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_TRIES	3

struct foo_event {
	u32 code;
};

struct foo_priv {
	struct foo_event *ev;
};

int foo_event_bad(struct foo_priv *priv, u32 code)
{
	struct foo_event *ev;
	int tries = FOO_TRIES;

	do {
		ev = kmalloc(sizeof(*ev), GFP_KERNEL | __GFP_NOWARN);
	} while (!ev && --tries);
	ev->code = code; /* expect: unchecked-alloc */
	priv->ev = ev;
	return 0;
}

int foo_event_good(struct foo_priv *priv, u32 code)
{
	struct foo_event *ev;
	int tries = FOO_TRIES;

	do {
		ev = kmalloc(sizeof(*ev), GFP_KERNEL | __GFP_NOWARN);
	} while (!ev && --tries);
	if (!ev)
		return -ENOMEM;
	ev->code = code;
	priv->ev = ev;
	return 0;
}

MODULE_LICENSE("GPL");
