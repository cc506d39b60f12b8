// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the allocation is assigned inside a while condition.
 * foo_good() stops the loop when it fails; foo_bad() also enters the
 * body after a failure while fewer than FOO_MIN entries exist.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_MIN		2
#define FOO_MAX		16

struct foo_entry {
	int id;
};

struct foo_pool {
	struct foo_entry *entry[FOO_MAX];
	int nr;
};

int foo_pool_fill_bad(struct foo_pool *pool)
{
	struct foo_entry *e;

	while (pool->nr < FOO_MAX &&
	       ((e = kzalloc(sizeof(*e), GFP_KERNEL)) || pool->nr < FOO_MIN)) {
		e->id = pool->nr; /* expect: unchecked-alloc */
		pool->entry[pool->nr++] = e;
	}
	return pool->nr;
}

int foo_pool_fill_good(struct foo_pool *pool)
{
	struct foo_entry *e;

	while (pool->nr < FOO_MAX &&
	       (e = kzalloc(sizeof(*e), GFP_KERNEL)) != NULL) {
		e->id = pool->nr;
		pool->entry[pool->nr++] = e;
	}
	return pool->nr;
}

MODULE_LICENSE("GPL");
