// SPDX-License-Identifier: GPL-2.0
/*
 * A pointer into an object stands for the object when it is handed over:
 * page_address(page) given to usb_fill_bulk_urb() makes the urb the
 * owner of the page (rules/owner.rules: `derive lowmem_page_address`),
 * as in drivers/net/usb/cdc-phonet.c. foo_rx_submit_bad() returns before
 * filling the urb and loses the page; foo_rx_submit_good() hands it to
 * the urb. foo_set_name_good() stores strim(buf), a pointer into buf.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/usb.h>
#include <linux/mm.h>

struct foo_dev {
	struct usb_device *udev;
	unsigned int rx_pipe;
	bool stopped;
	char *name;
};

static void foo_rx_complete(struct urb *urb)
{
	put_page(virt_to_page(urb->transfer_buffer));
}

int foo_rx_submit_bad(struct foo_dev *fd, struct urb *req, gfp_t gfp)
{
	struct page *page;

	page = alloc_page(gfp);
	if (!page)
		return -ENOMEM;
	if (fd->stopped)
		return -ESHUTDOWN; /* expect: alloc-leak */
	usb_fill_bulk_urb(req, fd->udev, fd->rx_pipe, page_address(page),
			  PAGE_SIZE, foo_rx_complete, fd);
	return 0;
}

int foo_rx_submit_good(struct foo_dev *fd, struct urb *req, gfp_t gfp)
{
	struct page *page;

	page = alloc_page(gfp);
	if (!page)
		return -ENOMEM;
	usb_fill_bulk_urb(req, fd->udev, fd->rx_pipe, page_address(page),
			  PAGE_SIZE, foo_rx_complete, fd);
	return 0;
}

int foo_set_name_good(struct foo_dev *fd, const char *src, size_t len)
{
	char *buf;

	buf = kmemdup_nul(src, len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	fd->name = strim(buf);
	return 0;
}

MODULE_LICENSE("GPL");
