// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/usb/core/driver.c, usb_unbind_interface()): a loop
 * allocates its array only on its first matching element (if (j == 0))
 * and counts the elements it stores (eps[j++] = ep); after the loop,
 * if (j) frees it.  Once the loop has counted, j is known positive, so
 * the next element does not allocate again over the array, and if (j)
 * after the loop is taken whenever the array was allocated.
 * foo_free_streams_good() must stay silent.  foo_free_streams_bad()
 * frees the array only when it holds more than one element: the path
 * with exactly one loses it at the return, and is reported.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ep {
	int streams;
};

struct foo_intf {
	struct foo_ep ep[8];
	int nep;
};

void foo_release_streams(struct foo_intf *intf, struct foo_ep **eps, int n)
{
	int i;

	for (i = 0; i < n; i++)
		eps[i]->streams = 0;
}

void foo_free_streams_good(struct foo_intf *intf)
{
	struct foo_ep **eps = NULL;
	int i, j;

	for (i = 0, j = 0; i < intf->nep; i++) {
		struct foo_ep *ep = &intf->ep[i];

		if (ep->streams == 0)
			continue;
		if (j == 0) {
			eps = kmalloc_array(8, sizeof(void *), GFP_KERNEL);
			if (!eps)
				break;
		}
		eps[j++] = ep;
	}
	if (j) {
		foo_release_streams(intf, eps, j);
		kfree(eps);
	}
}

void foo_free_streams_bad(struct foo_intf *intf)
{
	struct foo_ep **eps = NULL;
	int i, j;

	for (i = 0, j = 0; i < intf->nep; i++) {
		struct foo_ep *ep = &intf->ep[i];

		if (ep->streams == 0)
			continue;
		if (j == 0) {
			eps = kmalloc_array(8, sizeof(void *), GFP_KERNEL);
			if (!eps)
				break;
		}
		eps[j++] = ep;
	}
	if (j > 1) {
		foo_release_streams(intf, eps, j);
		kfree(eps);
	}
} /* expect: alloc-leak */

MODULE_LICENSE("GPL");
