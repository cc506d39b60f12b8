// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch in a loop: one order-1 block per channel, and the
 * unwind loop of foo_chans_bad() (taken when a later block cannot be
 * allocated) releases each with free_page(), order 0. foo_chans_good()
 * and foo_chans_free() release order 1.
 */
#include <linux/module.h>
#include <linux/gfp.h>

#define FOO_NR_CHAN	8
#define FOO_BLK_ORDER	1

struct foo_chans {
	unsigned long blk[FOO_NR_CHAN];
};

int foo_chans_bad(struct foo_chans *c)
{
	int i;

	for (i = 0; i < FOO_NR_CHAN; i++) {
		c->blk[i] = __get_free_pages(GFP_KERNEL, FOO_BLK_ORDER);
		if (!c->blk[i])
			goto unwind;
	}
	return 0;

unwind:
	while (--i >= 0)
		free_page(c->blk[i]); /* expect: page-order-mismatch */
	return -ENOMEM;
}

int foo_chans_good(struct foo_chans *c)
{
	int i;

	for (i = 0; i < FOO_NR_CHAN; i++) {
		c->blk[i] = __get_free_pages(GFP_KERNEL, FOO_BLK_ORDER);
		if (!c->blk[i])
			goto unwind;
	}
	return 0;

unwind:
	while (--i >= 0)
		free_pages(c->blk[i], FOO_BLK_ORDER);
	return -ENOMEM;
}

void foo_chans_free(struct foo_chans *c)
{
	int i;

	for (i = 0; i < FOO_NR_CHAN; i++)
		free_pages(c->blk[i], FOO_BLK_ORDER);
}

MODULE_LICENSE("GPL");
