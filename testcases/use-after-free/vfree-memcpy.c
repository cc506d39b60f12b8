// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free through a deref function: a vmalloc() snapshot is
 * vfree()d and then copied out with memcpy(). foo_snap_good() copies
 * before the vfree().
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/io.h>
#include <linux/string.h>

struct foo_hw {
	const void __iomem *regs;
	size_t regs_len;
};

static void foo_read_regs(struct foo_hw *hw, u32 *buf)
{
	memcpy_fromio(buf, hw->regs, hw->regs_len);
}

int foo_snap_bad(struct foo_hw *hw, void *out, size_t out_len)
{
	u32 *snap = vmalloc(hw->regs_len);

	if (!snap)
		return -ENOMEM;
	foo_read_regs(hw, snap);
	vfree(snap);
	memcpy(out, snap, min(out_len, hw->regs_len)); /* expect: use-after-free */
	return 0;
}

int foo_snap_good(struct foo_hw *hw, void *out, size_t out_len)
{
	u32 *snap = vmalloc(hw->regs_len);

	if (!snap)
		return -ENOMEM;
	foo_read_regs(hw, snap);
	memcpy(out, snap, min(out_len, hw->regs_len));
	vfree(snap);
	return 0;
}

MODULE_LICENSE("GPL");
