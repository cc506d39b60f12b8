// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: returning an allocation to the caller unchecked is
 * fine (checking is the caller's job). Initialising it on the way out
 * without a check is not.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_node {
	int refcnt;
	int key;
};

struct foo_node *foo_node_new_bad(int key)
{
	struct foo_node *n = kzalloc(sizeof(*n), GFP_KERNEL);

	n->refcnt = 1; /* expect: unchecked-alloc */
	n->key = key;
	return n;
}

struct foo_node *foo_node_new_good(void)
{
	return kzalloc(sizeof(struct foo_node), GFP_KERNEL);
}

struct foo_node *foo_node_new_good_local(int key)
{
	struct foo_node *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (n) {
		n->refcnt = 1;
		n->key = key;
	}
	return n;
}

MODULE_LICENSE("GPL");
