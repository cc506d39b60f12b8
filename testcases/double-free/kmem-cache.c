// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of a kmem_cache object in a fill loop: when an object fails
 * to initialise, foo_pool_fill_bad() frees it and jumps to a label that
 * frees it again before draining the pool. foo_pool_fill_good() jumps
 * past that label.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct foo_obj {
	struct list_head node;
	int id;
};

struct foo_pool {
	struct kmem_cache *cache;	/* KMEM_CACHE(foo_obj, 0) */
	struct list_head free;
};

static int foo_obj_init(struct foo_obj *obj, int id)
{
	obj->id = id;
	return id > 1024 ? -EINVAL : 0;
}

void foo_pool_drain(struct foo_pool *p)
{
	struct foo_obj *obj, *tmp;

	list_for_each_entry_safe(obj, tmp, &p->free, node) {
		list_del(&obj->node);
		kmem_cache_free(p->cache, obj);
	}
}

int foo_pool_fill_bad(struct foo_pool *p, int n)
{
	struct foo_obj *obj;
	int i;

	for (i = 0; i < n; i++) {
		obj = kmem_cache_zalloc(p->cache, GFP_KERNEL);
		if (!obj)
			goto drain;
		if (foo_obj_init(obj, i)) {
			kmem_cache_free(p->cache, obj);
			goto err_obj;
		}
		list_add(&obj->node, &p->free);
	}
	return 0;

err_obj:
	kmem_cache_free(p->cache, obj); /* expect: double-free */
drain:
	foo_pool_drain(p);
	return -ENOMEM;
}

int foo_pool_fill_good(struct foo_pool *p, int n)
{
	struct foo_obj *obj;
	int i;

	for (i = 0; i < n; i++) {
		obj = kmem_cache_zalloc(p->cache, GFP_KERNEL);
		if (!obj)
			goto drain;
		if (foo_obj_init(obj, i)) {
			kmem_cache_free(p->cache, obj);
			goto drain;
		}
		list_add(&obj->node, &p->free);
	}
	return 0;

drain:
	foo_pool_drain(p);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
