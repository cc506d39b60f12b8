// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch across functions with two page fields of different
 * orders in one struct: order 3 in ->rx, order 0 in ->status. The orders
 * must stay attached to their field. foo_stop_bad() swaps them (both
 * releases are wrong); foo_stop_good() releases each with its own order.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#define FOO_RX_ORDER	3

struct foo_nic {
	unsigned long rx;
	u32 *status;
};

int foo_start(struct foo_nic *nic)
{
	nic->rx = __get_free_pages(GFP_KERNEL, FOO_RX_ORDER);
	if (!nic->rx)
		return -ENOMEM;
	nic->status = (u32 *)get_zeroed_page(GFP_KERNEL);
	if (!nic->status) {
		free_pages(nic->rx, FOO_RX_ORDER);
		nic->rx = 0;
		return -ENOMEM;
	}
	return 0;
}

void foo_stop_bad(struct foo_nic *nic)
{
	free_page(nic->rx); /* expect: page-order-mismatch */
	free_pages((unsigned long)nic->status, FOO_RX_ORDER); /* expect: page-order-mismatch */
}

void foo_stop_good(struct foo_nic *nic)
{
	free_pages(nic->rx, FOO_RX_ORDER);
	free_page((unsigned long)nic->status);
}

MODULE_LICENSE("GPL");
