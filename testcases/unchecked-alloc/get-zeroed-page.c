// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: get_zeroed_page() returns 0 on failure; the address is
 * cast to a pointer, `(char *)addr`, and written through.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct foo_log {
	char *page;
};

int foo_log_init_bad(struct foo_log *log)
{
	unsigned long addr = get_zeroed_page(GFP_KERNEL);
	char *page = (char *)addr;

	page[0] = '\n'; /* expect: unchecked-alloc */
	log->page = page;
	return 0;
}

int foo_log_init_good(struct foo_log *log)
{
	unsigned long addr = get_zeroed_page(GFP_KERNEL);
	char *page;

	if (!addr)
		return -ENOMEM;
	page = (char *)addr;
	page[0] = '\n';
	log->page = page;
	return 0;
}

void foo_log_exit(struct foo_log *log)
{
	free_page((unsigned long)log->page);
	log->page = NULL;
}

MODULE_LICENSE("GPL");
