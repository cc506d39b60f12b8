// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch on a per-node allocation in a loop: one order-1
 * block per online node from alloc_pages_node(); foo_nodes_free_bad()
 * releases each with __free_page(). foo_nodes_free_good() uses
 * __free_pages(.., FOO_NODE_ORDER).
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/nodemask.h>

#define FOO_NODE_ORDER	1

struct foo_numa {
	struct page *blk[MAX_NUMNODES];
};

int foo_nodes_alloc(struct foo_numa *fn)
{
	int nid;

	for_each_online_node(nid) {
		fn->blk[nid] = alloc_pages_node(nid, GFP_KERNEL, FOO_NODE_ORDER);
		if (!fn->blk[nid])
			return -ENOMEM;	/* the caller calls foo_nodes_free_good() */
	}
	return 0;
}

void foo_nodes_free_bad(struct foo_numa *fn)
{
	int nid;

	for_each_online_node(nid) {
		if (fn->blk[nid])
			__free_page(fn->blk[nid]); /* expect: page-order-mismatch */
		fn->blk[nid] = NULL;
	}
}

void foo_nodes_free_good(struct foo_numa *fn)
{
	int nid;

	for_each_online_node(nid) {
		if (fn->blk[nid])
			__free_pages(fn->blk[nid], FOO_NODE_ORDER);
		fn->blk[nid] = NULL;
	}
}

MODULE_LICENSE("GPL");
