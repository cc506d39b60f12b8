// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: kmalloc() followed by a memset() of the whole block to
 * 0, before anything else touches it, is kzalloc() done in two steps.
 * The finding is on the memset() (the line to drop).  Look-alikes that
 * are not: a memset() of part of the block (the header only), one that
 * comes after the block was written, and one that fills with 0xff.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_stats {
	u64 rx;
	u64 tx;
	u32 errors[8];
};

struct foo_stats *foo_bad_stats(void)
{
	struct foo_stats *st = kmalloc(sizeof(*st), GFP_KERNEL);

	if (!st)
		return NULL;
	memset(st, 0, sizeof(*st)); /* expect: deprecated-api */
	return st;
}

u8 *foo_bad_buf(size_t len)
{
	u8 *buf;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return NULL;
	memset(buf, 0, len); /* expect: deprecated-api */
	return buf;
}

struct foo_stats *foo_good_stats(void)
{
	return kzalloc(sizeof(struct foo_stats), GFP_KERNEL);
}

u8 *foo_ok_header(size_t len)
{
	u8 *buf;

	if (len < 16)
		return NULL;
	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return NULL;
	memset(buf, 0, 16);	/* the header only: the payload is filled later */
	return buf;
}

struct foo_stats *foo_ok_written(u64 rx)
{
	struct foo_stats *st = kmalloc(sizeof(*st), GFP_KERNEL);

	if (!st)
		return NULL;
	st->rx = rx;
	memset(st, 0, sizeof(*st));	/* wipes the store above: not kzalloc */
	return st;
}

u8 *foo_ok_fill(size_t len)
{
	u8 *buf = kmalloc(len, GFP_KERNEL);

	if (!buf)
		return NULL;
	memset(buf, 0xff, len);
	return buf;
}

MODULE_LICENSE("GPL");
