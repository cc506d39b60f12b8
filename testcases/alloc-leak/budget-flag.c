// SPDX-License-Identifier: GPL-2.0
/*
 * A function with more paths than the exploration budget: past it, the
 * engine joins the paths that reach a block, and two flags set together
 * (keep, spare: the buffer is kept, or it is freed) become unknown each
 * on its own where the paths that set them meet.  The path that then
 * neither keeps nor frees the buffer (keep false, spare false) does not
 * exist: its branches went both ways on values the join made up, and it
 * is not reported (xgbe_rx_poll() of drivers/net/ethernet/amd/xgbe/
 * xgbe-drv.c, over budget: the skb kept for the next poll under
 * if (received && (!last || context_next)) was reported lost).
 * foo_fill_good() is silent.  foo_fill_bad() leaks the buffer on an
 * error return decided by a value the join did not make up, and is
 * still reported.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_hw {
	u32 mode;
	u32 regs[8];
	u8 *saved;
};

static void foo_write(struct foo_hw *hw, u32 reg, u32 val)
{
	hw->regs[reg & 7] = val;
}

int foo_fill_good(struct foo_hw *hw)
{
	u32 a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
	u32 i = 0, j = 0, k = 0, l = 0, m = 0, n = 0, o = 0, p = 0;
	bool keep = false, spare = true;
	u8 *buf;

	buf = kmalloc(64, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (hw->mode & BIT(16)) {
		keep = true;
		spare = false;
	}
	if (hw->mode & BIT(0))
		a = 1;
	if (hw->mode & BIT(1))
		b = 2;
	if (hw->mode & BIT(2))
		c = 3;
	if (hw->mode & BIT(3))
		d = 4;
	if (hw->mode & BIT(4))
		e = 5;
	if (hw->mode & BIT(5))
		f = 6;
	if (hw->mode & BIT(6))
		g = 7;
	if (hw->mode & BIT(7))
		h = 8;
	if (hw->mode & BIT(8))
		i = 9;
	if (hw->mode & BIT(9))
		j = 10;
	if (hw->mode & BIT(10))
		k = 11;
	if (hw->mode & BIT(11))
		l = 12;
	if (hw->mode & BIT(12))
		m = 13;
	if (hw->mode & BIT(13))
		n = 14;
	if (hw->mode & BIT(14))
		o = 15;
	if (hw->mode & BIT(15))
		p = 16;
	if (spare)
		kfree(buf);
	if (keep)
		hw->saved = buf;
	foo_write(hw, 0, a + b + c + d + e + f + g + h);
	foo_write(hw, 1, i + j + k + l + m + n + o + p);
	return 0;
}

int foo_fill_bad(struct foo_hw *hw)
{
	u32 a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
	u32 i = 0, j = 0, k = 0, l = 0, m = 0, n = 0, o = 0, p = 0;
	bool keep = false, spare = true;
	u8 *buf;

	buf = kmalloc(64, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (hw->mode & BIT(16)) {
		keep = true;
		spare = false;
	}
	if (hw->mode & BIT(0))
		a = 1;
	if (hw->mode & BIT(1))
		b = 2;
	if (hw->mode & BIT(2))
		c = 3;
	if (hw->mode & BIT(3))
		d = 4;
	if (hw->mode & BIT(4))
		e = 5;
	if (hw->mode & BIT(5))
		f = 6;
	if (hw->mode & BIT(6))
		g = 7;
	if (hw->mode & BIT(7))
		h = 8;
	if (hw->mode & BIT(8))
		i = 9;
	if (hw->mode & BIT(9))
		j = 10;
	if (hw->mode & BIT(10))
		k = 11;
	if (hw->mode & BIT(11))
		l = 12;
	if (hw->mode & BIT(12))
		m = 13;
	if (hw->mode & BIT(13))
		n = 14;
	if (hw->mode & BIT(14))
		o = 15;
	if (hw->mode & BIT(15))
		p = 16;
	if (hw->regs[3] == 5) /* expect-note: alloc-leak */
		return -EIO; /* expect: alloc-leak */
	if (spare)
		kfree(buf);
	if (keep)
		hw->saved = buf;
	foo_write(hw, 0, a + b + c + d + e + f + g + h);
	foo_write(hw, 1, i + j + k + l + m + n + o + p);
	return 0;
}

MODULE_LICENSE("GPL");
