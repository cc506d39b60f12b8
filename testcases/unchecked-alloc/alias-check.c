// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the allocation is copied to another variable and the
 * copy is what gets checked (`q = p; if (!q) ...`): that checks p too.
 * In foo_bad() the copy is used and nothing is checked.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_frame {
	u16 len;
	u16 proto;
};

struct foo_link {
	struct foo_frame *frame;
};

int foo_frame_bad(struct foo_link *link, u16 proto)
{
	struct foo_frame *frame, *f;

	frame = kzalloc(sizeof(*frame), GFP_KERNEL);
	f = frame;
	f->proto = proto; /* expect: unchecked-alloc */
	link->frame = frame;
	return 0;
}

int foo_frame_good(struct foo_link *link, u16 proto)
{
	struct foo_frame *frame, *f;

	frame = kzalloc(sizeof(*frame), GFP_KERNEL);
	f = frame;
	if (!f)
		return -ENOMEM;
	frame->proto = proto;
	link->frame = frame;
	return 0;
}

MODULE_LICENSE("GPL");
