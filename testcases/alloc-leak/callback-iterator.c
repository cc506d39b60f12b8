// SPDX-License-Identifier: GPL-2.0
/*
 * A buffer handed by reference to an iterator that passes it on to a
 * callback through a function pointer: the callback may keep it (here it
 * records each chunk of the buffer in the caller's table, as
 * drivers/usb/gadget/function/uvc_configfs.c
 * uvcg_streaming_class_allow_link() does with __uvcg_iter_strm_cls() and
 * __uvcg_fill_strm()).  The iterator's summary gives up its argument
 * (the indirect call), and the argument is the address of the local
 * that holds the buffer: the buffer is given up.  foo_link_bad() loses
 * the buffer when the count fails, before any callback saw it.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_hdr {
	int nitems;
	size_t item_size;
};

typedef int (*foo_fn)(struct foo_hdr *h, void *priv2, void *priv3, int i);

static int foo_iter(struct foo_hdr *h, void *priv2, void *priv3, foo_fn fn)
{
	int i, ret;

	for (i = 0; i < h->nitems; i++) {
		ret = fn(h, priv2, priv3, i);
		if (ret)
			return ret;
	}
	return 0;
}

static int foo_fill(struct foo_hdr *h, void *priv2, void *priv3, int i)
{
	void **dest = priv2;
	void ***array = priv3;

	**array = *dest;
	++*array;
	memset(*dest, 0, h->item_size);
	*dest += h->item_size;
	return 0;
}

static int foo_count(struct foo_hdr *h, void *priv2, void *priv3, int i)
{
	size_t *size = priv2;
	size_t *count = priv3;

	*size += h->item_size;
	++*count;
	return 0;
}

int foo_link_bad(struct foo_hdr *h, void **table)
{
	size_t size = 0, count = 0;
	void *data, *data_save, **cl;
	int ret;

	data = data_save = kzalloc(64, GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	ret = foo_iter(h, &size, &count, foo_count);
	if (ret)
		return ret; /* expect: alloc-leak */
	cl = table;
	ret = foo_iter(h, &data, &cl, foo_fill);
	if (ret)
		kfree(data_save);
	return ret;
}

int foo_link_good(struct foo_hdr *h, void **table)
{
	void *data, *data_save, **cl;
	int ret;

	data = data_save = kzalloc(64, GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	cl = table;
	ret = foo_iter(h, &data, &cl, foo_fill);
	if (ret) {
		/* the callback may have advanced data: free the copy */
		kfree(data_save);
		return ret;
	}
	return 0;
}

MODULE_LICENSE("GPL");
