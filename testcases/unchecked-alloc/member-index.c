// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the allocation is stored straight into a struct
 * member, `priv->buf = kzalloc(...)`, and indexed through it,
 * `priv->buf[0] = ...`. The access path priv->buf is the tracked value.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_BUF_LEN	128

struct foo_priv {
	u8 *buf;
	size_t len;
};

int foo_buf_init_bad(struct foo_priv *priv)
{
	priv->buf = kzalloc(FOO_BUF_LEN, GFP_KERNEL);
	priv->len = FOO_BUF_LEN;
	priv->buf[0] = 0xff; /* expect: unchecked-alloc */
	return 0;
}

int foo_buf_init_good(struct foo_priv *priv)
{
	priv->buf = kzalloc(FOO_BUF_LEN, GFP_KERNEL);
	if (!priv->buf)
		return -ENOMEM;
	priv->len = FOO_BUF_LEN;
	priv->buf[0] = 0xff;
	return 0;
}

MODULE_LICENSE("GPL");
