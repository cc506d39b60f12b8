// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: __get_free_page() result checked with `addr == 0`
 * (silent) or not at all (flagged at the access through the cast).
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct foo_mbox {
	unsigned long page;
};

int foo_mbox_bad(struct foo_mbox *mbox, u32 cmd)
{
	unsigned long page = __get_free_page(GFP_KERNEL);

	((u32 *)page)[0] = cmd; /* expect: unchecked-alloc */
	mbox->page = page;
	return 0;
}

int foo_mbox_good(struct foo_mbox *mbox, u32 cmd)
{
	unsigned long page = __get_free_page(GFP_KERNEL);

	if (page == 0)
		return -ENOMEM;
	((u32 *)page)[0] = cmd;
	mbox->page = page;
	return 0;
}

void foo_mbox_release(struct foo_mbox *mbox)
{
	free_page(mbox->page);
	mbox->page = 0;
}

MODULE_LICENSE("GPL");
