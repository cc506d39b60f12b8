// SPDX-License-Identifier: GPL-2.0
/*
 * Passed to a function kmemlint cannot see (here through an ops table,
 * as with a function of another file): it may take ownership (a queue,
 * a registration), so kmemlint stays silent after the call. The same
 * code that returns before the call leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_msg {
	u32 len;
	u8 data[32];
};

struct foo_hw {
	int (*submit)(struct foo_hw *hw, struct foo_msg *msg);
};

int foo_send_bad(struct foo_hw *hw, u32 len)
{
	struct foo_msg *msg = kzalloc(sizeof(*msg), GFP_KERNEL);

	if (!msg)
		return -ENOMEM;
	if (len > sizeof(msg->data))
		return -EINVAL; /* expect: alloc-leak */
	msg->len = len;
	return hw->submit(hw, msg);
}

int foo_send_good(struct foo_hw *hw, u32 len)
{
	struct foo_msg *msg;

	if (len > 32)
		return -EINVAL;
	msg = kzalloc(sizeof(*msg), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	msg->len = len;
	return hw->submit(hw, msg);
}

MODULE_LICENSE("GPL");
