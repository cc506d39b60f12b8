// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/spi/spi.c, spi_res_alloc()): a resource block ends
 * in a flexible array, and the allocator returns that array, sres->data,
 * a pointer into the block; the free function gets the block back with
 * container_of().  The array decays to its address, &sres->data: the
 * block is returned.  foo_res_alloc() is silent.  bar_res_alloc() returns
 * the array of a static fallback block instead, and the block it made is
 * lost.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

typedef void (*foo_release_t)(void *res);

struct foo_res {
	struct list_head entry;
	foo_release_t release;
	unsigned long long data[];
};

void *foo_res_alloc(foo_release_t release, size_t size, gfp_t gfp)
{
	struct foo_res *sres;

	sres = kzalloc(sizeof(*sres) + size, gfp);
	if (!sres)
		return NULL;
	INIT_LIST_HEAD(&sres->entry);
	sres->release = release;
	return sres->data;
}
EXPORT_SYMBOL_GPL(foo_res_alloc);

void foo_res_free(void *res)
{
	struct foo_res *sres = container_of(res, struct foo_res, data);

	if (!res)
		return;
	WARN_ON(!list_empty(&sres->entry));
	kfree(sres);
}
EXPORT_SYMBOL_GPL(foo_res_free);

struct bar_res {
	struct list_head entry;
	u8 data[32];
};

static struct bar_res bar_fallback;

void *bar_res_alloc(size_t size, gfp_t gfp)
{
	struct bar_res *sres;

	sres = kzalloc(sizeof(*sres), gfp);
	if (!sres)
		return NULL;
	INIT_LIST_HEAD(&sres->entry);
	if (size > sizeof(sres->data))
		return NULL; /* expect: alloc-leak */
	if (size > 16)
		return bar_fallback.data; /* expect: alloc-leak */
	return sres->data;
}
EXPORT_SYMBOL_GPL(bar_res_alloc);

MODULE_LICENSE("GPL");
