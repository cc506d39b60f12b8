// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of a page through its reference count.  put_page() frees a
 * page only with its last reference, and __free_page() is a put too.
 * foo_scratch_bad() allocates a page, so it holds the only reference:
 * put_page() frees it and __free_page() frees it again.  The others put
 * pages this path did not allocate, whose other references were taken
 * out of sight: foo_rx_release_good() follows agp's put_page() then
 * __free_page() of a page its allocator gave a second reference with
 * get_page(), foo_rx_drain_good() puts a page until its count drops to
 * zero (gemini), and foo_rx_fini_good() puts a buffer's reference and then
 * a helper puts the page's own (sfc).
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

struct foo_rx_buf {
	struct page *page;
	unsigned int flags;
};

#define FOO_RX_LAST	1

int foo_scratch_bad(u8 *out, size_t len)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	memcpy(out, page_address(page), min_t(size_t, len, PAGE_SIZE));
	put_page(page);
	__free_page(page); /* expect: double-free */
	return 0;
}

struct page *foo_rx_alloc(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (page)
		get_page(page);
	return page;
}

void foo_rx_release_good(struct page *page)
{
	if (!page)
		return;
	put_page(page);
	__free_page(page);
}

void foo_rx_drain_good(struct foo_rx_buf *buf)
{
	while (page_ref_count(buf->page) > 0)
		put_page(buf->page);
}

static void foo_rx_free_bufs(struct foo_rx_buf *buf)
{
	if (buf->page) {
		put_page(buf->page);
		buf->page = NULL;
	}
}

void foo_rx_fini_good(struct foo_rx_buf *buf)
{
	if (buf->page)
		put_page(buf->page);
	if (buf->flags & FOO_RX_LAST)
		foo_rx_free_bufs(buf);
	buf->page = NULL;
}

MODULE_LICENSE("GPL");
