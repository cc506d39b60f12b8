// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: alloc_pages() returns a struct page pointer, NULL on
 * failure; a member access on it (page->private) is a dereference.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct foo_priv {
	struct page *page;
	unsigned long cookie;
};

int foo_page_bad(struct foo_priv *priv)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	page->private = priv->cookie; /* expect: unchecked-alloc */
	priv->page = page;
	return 0;
}

int foo_page_good(struct foo_priv *priv)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	if (!page)
		return -ENOMEM;
	page->private = priv->cookie;
	priv->page = page;
	return 0;
}

void foo_page_release(struct foo_priv *priv)
{
	if (priv->page)
		__free_pages(priv->page, 0);
	priv->page = NULL;
}

MODULE_LICENSE("GPL");
