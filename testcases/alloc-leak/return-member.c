// SPDX-License-Identifier: GPL-2.0
/*
 * A constructor that returns the address of a member of its allocation
 * returns the allocation: regmap_spi_async_alloc()
 * (drivers/base/regmap/regmap-spi.c) returns &async_spi->core, and the
 * caller gets the block back with container_of(). foo_async_alloc_bad()
 * drops the block when the member's setup fails.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct foo_async {
	struct list_head list;
	void *buf;
};

struct foo_async_spi {
	int len;
	struct foo_async core;
};

struct foo_async *foo_async_alloc_good(void)
{
	struct foo_async_spi *async_spi;

	async_spi = kzalloc(sizeof(*async_spi), GFP_KERNEL);
	if (!async_spi)
		return NULL;
	INIT_LIST_HEAD(&async_spi->core.list);
	return &async_spi->core;
}

struct foo_async *foo_async_alloc_bad(size_t len)
{
	struct foo_async_spi *async_spi;

	async_spi = kzalloc(sizeof(*async_spi), GFP_KERNEL);
	if (!async_spi)
		return NULL;
	if (len > PAGE_SIZE)
		return NULL; /* expect: alloc-leak */
	async_spi->len = len;
	return &async_spi->core;
}

MODULE_LICENSE("GPL");
