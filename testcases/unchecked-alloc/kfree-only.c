// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kfree(NULL) is a no-op, so passing an unchecked
 * allocation only to kfree() is not a use. foo_bad() reads a member
 * before freeing, which is.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_probe_buf {
	u32 id;
	u8 data[60];
};

int foo_id_probe_bad(u32 *id)
{
	struct foo_probe_buf *pb = kzalloc(sizeof(*pb), GFP_KERNEL);

	*id = pb->id; /* expect: unchecked-alloc */
	kfree(pb);
	return 0;
}

void foo_id_probe_good(void)
{
	struct foo_probe_buf *pb = kzalloc(sizeof(*pb), GFP_KERNEL);

	kfree(pb);
}

int foo_id_probe_good_checked(u32 *id)
{
	struct foo_probe_buf *pb = kzalloc(sizeof(*pb), GFP_KERNEL);
	int ret = -ENOMEM;

	if (pb) {
		*id = pb->id;
		ret = 0;
	}
	kfree(pb);
	return ret;
}

MODULE_LICENSE("GPL");
