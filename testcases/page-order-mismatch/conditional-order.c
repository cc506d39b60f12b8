// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch on one branch only: order 2 when `big`, one page
 * otherwise, and foo_log_bad() always releases order 2 (wrong on the
 * small path). foo_log_good() releases under the same test;
 * foo_log_good_var() keeps the order in a variable.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#define FOO_BIG_ORDER	2

int foo_log_bad(bool big, const char *msg)
{
	unsigned long buf;

	if (big)
		buf = __get_free_pages(GFP_KERNEL, FOO_BIG_ORDER);
	else
		buf = __get_free_page(GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	strscpy((char *)buf, msg, PAGE_SIZE);
	free_pages(buf, FOO_BIG_ORDER); /* expect: page-order-mismatch */
	return 0;
}

int foo_log_good(bool big, const char *msg)
{
	unsigned long buf;

	if (big)
		buf = __get_free_pages(GFP_KERNEL, FOO_BIG_ORDER);
	else
		buf = __get_free_page(GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	strscpy((char *)buf, msg, PAGE_SIZE);
	if (big)
		free_pages(buf, FOO_BIG_ORDER);
	else
		free_page(buf);
	return 0;
}

int foo_log_good_var(bool big, const char *msg)
{
	unsigned int order = big ? FOO_BIG_ORDER : 0;
	unsigned long buf = __get_free_pages(GFP_KERNEL, order);

	if (!buf)
		return -ENOMEM;
	strscpy((char *)buf, msg, PAGE_SIZE);
	free_pages(buf, order);
	return 0;
}

MODULE_LICENSE("GPL");
