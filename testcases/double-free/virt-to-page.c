// SPDX-License-Identifier: GPL-2.0
/*
 * double-free through virt_to_page(): the page of an address the
 * function was given.  foo_ring_free_good() frees the page of each
 * buffer of the ring once (nfp's nfp_nfd3_tx_ring_bufs_free(); silent:
 * the pages of two addresses are two pages, not the memory map's base
 * that virt_to_page() adds the frame number to).  foo_frag_free_bad()
 * frees the page of one buffer twice.
 */
#include <linux/module.h>
#include <linux/mm.h>

struct foo_buf {
	void *frag;
};

struct foo_ring {
	struct foo_buf *bufs;
	unsigned int cnt;
};

void foo_ring_free_good(struct foo_ring *r)
{
	unsigned int i;

	for (i = 0; i < r->cnt; i++) {
		if (!r->bufs[i].frag)
			return;
		__free_page(virt_to_page(r->bufs[i].frag));
	}
}

void foo_pair_free_good(void *rx, void *tx)
{
	__free_page(virt_to_page(rx));
	__free_page(virt_to_page(tx));
}

void foo_frag_free_bad(struct foo_buf *b, bool retire)
{
	__free_page(virt_to_page(b->frag));
	if (retire)
		__free_page(virt_to_page(b->frag)); /* expect: double-free */
}

MODULE_LICENSE("GPL");
