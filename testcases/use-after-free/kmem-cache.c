// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free of a kmem_cache object: foo_evict_bad() returns the entry
 * to its cache and then unlinks it with list_del(), which writes through
 * the freed entry. foo_evict_good() unlinks first.
 */
#include <linux/module.h>
#include <linux/list.h>
#include <linux/slab.h>

struct foo_entry {
	struct list_head lru;
	u64 key;
};

struct foo_lru {
	struct kmem_cache *cache;	/* KMEM_CACHE(foo_entry, 0) */
	struct list_head head;
	unsigned int nr;
};

int foo_insert(struct foo_lru *l, u64 key)
{
	struct foo_entry *e = kmem_cache_alloc(l->cache, GFP_KERNEL);

	if (!e)
		return -ENOMEM;
	e->key = key;
	list_add(&e->lru, &l->head);
	l->nr++;
	return 0;
}

void foo_evict_bad(struct foo_lru *l)
{
	struct foo_entry *e;

	if (list_empty(&l->head))
		return;
	e = list_last_entry(&l->head, struct foo_entry, lru);
	kmem_cache_free(l->cache, e);
	list_del(&e->lru); /* expect: use-after-free */
	l->nr--;
}

void foo_evict_good(struct foo_lru *l)
{
	struct foo_entry *e;

	if (list_empty(&l->head))
		return;
	e = list_last_entry(&l->head, struct foo_entry, lru);
	list_del(&e->lru);
	kmem_cache_free(l->cache, e);
	l->nr--;
}

MODULE_LICENSE("GPL");
