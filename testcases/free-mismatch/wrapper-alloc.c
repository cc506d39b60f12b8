// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch through a local allocation wrapper: foo_buf_alloc() hides
 * a vzalloc(), and foo_load_bad() releases its result with kfree(). The
 * family comes from the wrapper's body. foo_load_good() uses vfree().
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/string.h>

struct foo_blob {
	void *data;
	size_t len;
};

static void *foo_buf_alloc(size_t len)
{
	if (!len || len > SZ_64M)
		return NULL;
	return vzalloc(len);
}

int foo_load_bad(struct foo_blob *b, const void *src, size_t len)
{
	void *data = foo_buf_alloc(len);

	if (!data)
		return -ENOMEM;
	if (b->data) {
		kfree(data); /* expect: free-mismatch:medium */
		return -EBUSY;
	}
	memcpy(data, src, len);
	b->data = data;
	b->len = len;
	return 0;
}

int foo_load_good(struct foo_blob *b, const void *src, size_t len)
{
	void *data = foo_buf_alloc(len);

	if (!data)
		return -ENOMEM;
	if (b->data) {
		vfree(data);
		return -EBUSY;
	}
	memcpy(data, src, len);
	b->data = data;
	b->len = len;
	return 0;
}

MODULE_LICENSE("GPL");
