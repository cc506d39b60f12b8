// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch between the page allocator and slab: kfree() on a
 * __get_free_pages() address, and free_pages() on kmalloc() memory.
 * foo_good() releases each with its own API.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/mm.h>

#define FOO_ORDER	1

struct foo_ctx {
	unsigned long scratch;
	u32 *hdr;
};

int foo_bad(struct foo_ctx *ctx, bool dry_run)
{
	unsigned long scratch = __get_free_pages(GFP_KERNEL, FOO_ORDER);
	u32 *hdr;

	if (!scratch)
		return -ENOMEM;
	hdr = kmalloc(PAGE_SIZE << FOO_ORDER, GFP_KERNEL);
	if (!hdr) {
		kfree((void *)scratch); /* expect: free-mismatch */
		return -ENOMEM;
	}
	if (dry_run) {
		free_pages((unsigned long)hdr, FOO_ORDER); /* expect: free-mismatch */
		free_pages(scratch, FOO_ORDER);
		return 0;
	}
	ctx->scratch = scratch;
	ctx->hdr = hdr;
	return 0;
}

int foo_good(struct foo_ctx *ctx, bool dry_run)
{
	unsigned long scratch = __get_free_pages(GFP_KERNEL, FOO_ORDER);
	u32 *hdr;

	if (!scratch)
		return -ENOMEM;
	hdr = kmalloc(PAGE_SIZE << FOO_ORDER, GFP_KERNEL);
	if (!hdr) {
		free_pages(scratch, FOO_ORDER);
		return -ENOMEM;
	}
	if (dry_run) {
		kfree(hdr);
		free_pages(scratch, FOO_ORDER);
		return 0;
	}
	ctx->scratch = scratch;
	ctx->hdr = hdr;
	return 0;
}

MODULE_LICENSE("GPL");
