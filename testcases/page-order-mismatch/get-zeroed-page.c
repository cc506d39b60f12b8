// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch: get_zeroed_page() is one page (order 0); releasing
 * it with free_pages(addr, 1) frees a page the driver does not own.
 * foo_bad() does it in the sysfs-style formatter; foo_good() uses
 * free_page().
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/kernel.h>
#include <linux/string.h>

struct foo_stats {
	u64 rx, tx;
};

int foo_stats_show_bad(const struct foo_stats *st, char *out, size_t size)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	int len;

	if (!page)
		return -ENOMEM;
	len = scnprintf((char *)page, PAGE_SIZE, "rx %llu tx %llu\n",
			st->rx, st->tx);
	strscpy(out, (char *)page, size);
	free_pages(page, 1); /* expect: page-order-mismatch */
	return len;
}

int foo_stats_show_good(const struct foo_stats *st, char *out, size_t size)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	int len;

	if (!page)
		return -ENOMEM;
	len = scnprintf((char *)page, PAGE_SIZE, "rx %llu tx %llu\n",
			st->rx, st->tx);
	strscpy(out, (char *)page, size);
	free_page(page);
	return len;
}

MODULE_LICENSE("GPL");
