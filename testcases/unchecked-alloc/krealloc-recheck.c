// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: a buffer checked after kmalloc() and then grown with
 * krealloc(): the first check says nothing about the new pointer, which
 * must be checked again. foo_bad() tests it, frees the old block on
 * failure, and forgets to return.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_priv {
	u8 *buf;
	size_t len;
};

int foo_buf_bad(struct foo_priv *priv, size_t len, size_t extra)
{
	u8 *buf, *nbuf;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, 0, len); /* expect: deprecated-api */
	nbuf = krealloc(buf, len + extra, GFP_KERNEL);
	if (!nbuf)
		kfree(buf);
	nbuf[len] = 0; /* expect: unchecked-alloc */
	priv->buf = nbuf;
	priv->len = len + extra;
	return 0;
}

int foo_buf_good(struct foo_priv *priv, size_t len, size_t extra)
{
	u8 *buf, *nbuf;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, 0, len); /* expect: deprecated-api */
	nbuf = krealloc(buf, len + extra, GFP_KERNEL);
	if (!nbuf) {
		kfree(buf);
		return -ENOMEM;
	}
	nbuf[len] = 0;
	priv->buf = nbuf;
	priv->len = len + extra;
	return 0;
}

MODULE_LICENSE("GPL");
