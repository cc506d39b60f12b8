// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free of page memory: foo_show_bad() formats into a
 * get_zeroed_page() buffer, releases it with free_page(), then copies the
 * text out of it with strscpy(). foo_show_good() copies first.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/kernel.h>
#include <linux/string.h>

struct foo_state {
	u32 temp;
	u32 fan;
};

int foo_show_bad(const struct foo_state *st, char *out, size_t size)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	int len;

	if (!page)
		return -ENOMEM;
	len = scnprintf((char *)page, PAGE_SIZE, "temp %u fan %u\n",
			st->temp, st->fan);
	free_page(page);
	strscpy(out, (char *)page, size); /* expect: use-after-free */
	return len;
}

int foo_show_good(const struct foo_state *st, char *out, size_t size)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	int len;

	if (!page)
		return -ENOMEM;
	len = scnprintf((char *)page, PAGE_SIZE, "temp %u fan %u\n",
			st->temp, st->fan);
	strscpy(out, (char *)page, size);
	free_page(page);
	return len;
}

MODULE_LICENSE("GPL");
