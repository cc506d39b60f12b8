// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: krealloc() can fail and return NULL (leaving the old
 * block alone). Its result is kept in a new variable, so the old block
 * is never leaked; the bug is using the new pointer without a check.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_log {
	char *buf;
	size_t len;
};

int foo_log_append_bad(struct foo_log *log, char c)
{
	char *buf;

	buf = krealloc(log->buf, log->len + 1, GFP_KERNEL);
	buf[log->len] = c; /* expect: unchecked-alloc */
	log->buf = buf;
	log->len++;
	return 0;
}

int foo_log_append_good(struct foo_log *log, char c)
{
	char *buf;

	buf = krealloc(log->buf, log->len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf[log->len] = c;
	log->buf = buf;
	log->len++;
	return 0;
}

MODULE_LICENSE("GPL");
