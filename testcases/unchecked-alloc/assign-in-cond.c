// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: allocation assigned inside the condition,
 * `if (!(p = kmalloc(...)))`. foo_bad() assigns in the condition but
 * tests another value, so the result stays unchecked.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_buf {
	size_t len;
	u8 data[32];
};

struct foo_priv {
	struct foo_buf *buf;
	int users;
};

int foo_buf_get_bad(struct foo_priv *priv)
{
	struct foo_buf *buf;

	if ((buf = kmalloc(sizeof(*buf), GFP_KERNEL)) && priv->users > 0)
		priv->users++;
	buf->len = 0; /* expect: unchecked-alloc */
	priv->buf = buf;
	return 0;
}

int foo_buf_get_good(struct foo_priv *priv)
{
	struct foo_buf *buf;

	if (!(buf = kmalloc(sizeof(*buf), GFP_KERNEL)))
		return -ENOMEM;
	buf->len = 0;
	priv->buf = buf;
	return 0;
}

MODULE_LICENSE("GPL");
