// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch in a goto unwind ladder: a command ring (order 1)
 * and an event ring (order 3); foo_rings_bad()'s unwind labels release
 * each ring with the other ring's order. foo_rings_good() keeps them
 * paired.
 */
#include <linux/module.h>
#include <linux/gfp.h>

#define FOO_CMD_ORDER	1
#define FOO_EVT_ORDER	3

struct foo_rings {
	unsigned long cmd;
	unsigned long evt;
	unsigned long *db;
};

int foo_rings_bad(struct foo_rings *r)
{
	r->cmd = __get_free_pages(GFP_KERNEL | __GFP_ZERO, FOO_CMD_ORDER);
	if (!r->cmd)
		return -ENOMEM;
	r->evt = __get_free_pages(GFP_KERNEL | __GFP_ZERO, FOO_EVT_ORDER);
	if (!r->evt)
		goto err_cmd;
	r->db = (unsigned long *)get_zeroed_page(GFP_KERNEL);
	if (!r->db)
		goto err_evt;
	return 0;

err_evt:
	free_pages(r->evt, FOO_CMD_ORDER); /* expect: page-order-mismatch */
err_cmd:
	free_pages(r->cmd, FOO_EVT_ORDER); /* expect: page-order-mismatch */
	return -ENOMEM;
}

int foo_rings_good(struct foo_rings *r)
{
	r->cmd = __get_free_pages(GFP_KERNEL | __GFP_ZERO, FOO_CMD_ORDER);
	if (!r->cmd)
		return -ENOMEM;
	r->evt = __get_free_pages(GFP_KERNEL | __GFP_ZERO, FOO_EVT_ORDER);
	if (!r->evt)
		goto err_cmd;
	r->db = (unsigned long *)get_zeroed_page(GFP_KERNEL);
	if (!r->db)
		goto err_evt;
	return 0;

err_evt:
	free_pages(r->evt, FOO_EVT_ORDER);
err_cmd:
	free_pages(r->cmd, FOO_CMD_ORDER);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
