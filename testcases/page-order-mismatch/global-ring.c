// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch across functions, through static globals: module
 * init allocates two order-2 buffers; module exit releases foo_log_ring
 * with free_page() (order 0: three pages leak at every unload) and
 * foo_trace_ring correctly. The finding belongs on the free in exit.
 * foo_dump_ring, released with the wrong order by a helper that names the
 * global itself, is reported once, in the helper, not again at its call.
 */
#include <linux/module.h>
#include <linux/gfp.h>

#define FOO_RING_ORDER	2

static unsigned long foo_log_ring;	/* freed with the wrong order */
static void *foo_trace_ring;		/* freed correctly */
static unsigned long foo_dump_ring;	/* freed by a helper, wrong order */

static void foo_dump_free(void)
{
	free_pages(foo_dump_ring, 1); /* expect: page-order-mismatch */
	foo_dump_ring = 0;
}

static int __init foo_init(void)
{
	foo_log_ring = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 2);
	if (!foo_log_ring)
		return -ENOMEM;
	foo_trace_ring = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
						  FOO_RING_ORDER);
	if (!foo_trace_ring) {
		free_pages(foo_log_ring, 2);
		return -ENOMEM;
	}
	foo_dump_ring = __get_free_pages(GFP_KERNEL, 2);
	if (!foo_dump_ring) {
		free_pages((unsigned long)foo_trace_ring, FOO_RING_ORDER);
		free_pages(foo_log_ring, 2);
		return -ENOMEM;
	}
	return 0;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	free_pages((unsigned long)foo_trace_ring, FOO_RING_ORDER);
	free_page(foo_log_ring); /* expect: page-order-mismatch */
	foo_dump_free();
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
