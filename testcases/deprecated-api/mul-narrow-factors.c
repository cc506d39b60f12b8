// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (rtw88 _rtw_hw_scan_update_probe_req(): kzalloc(page_size *
 * pages) of two u8): a product of factors narrow enough that it cannot
 * wrap (u8 * u8 is at most 65,025, u16 * a small size at most a few MB,
 * in int) is no open-coded multiplication kcalloc() would guard.  Two
 * u16 counts (up to 4.3e9, past INT_MAX) and an unsigned int count can
 * wrap: reported.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_entry {
	u32 addr;
	u32 len;
};

struct foo_dev {
	u8 page_size;
	u16 nr_entries;
	u16 nr_queues;
	void *pages;
	struct foo_entry *entries;
	u32 *map;
	u8 *bytes;
};

int foo_alloc_pages(struct foo_dev *fd, u8 num_probes, u8 page_cnt)
{
	u8 pages = 1 + num_probes * page_cnt;

	fd->pages = kzalloc(fd->page_size * pages, GFP_KERNEL);
	return fd->pages ? 0 : -ENOMEM;
}

int foo_alloc_entries(struct foo_dev *fd)
{
	fd->entries = kzalloc(fd->nr_entries * sizeof(struct foo_entry),
			      GFP_KERNEL);
	return fd->entries ? 0 : -ENOMEM;
}

int foo_alloc_map(struct foo_dev *fd)
{
	fd->map = kzalloc(fd->nr_entries * fd->nr_queues, GFP_KERNEL); /* expect: deprecated-api */
	return fd->map ? 0 : -ENOMEM;
}

int foo_alloc_bytes(struct foo_dev *fd, unsigned int n)
{
	fd->bytes = kzalloc(n * fd->page_size, GFP_KERNEL); /* expect: deprecated-api */
	return fd->bytes ? 0 : -ENOMEM;
}

MODULE_LICENSE("GPL");
