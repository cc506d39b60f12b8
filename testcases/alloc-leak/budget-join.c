// SPDX-License-Identifier: GPL-2.0
/*
 * A function with more paths than the exploration budget: past it, the
 * engine joins the paths that reach a block. The slot that says an
 * allocation was given up (stored in hw->banks) is kept when only one
 * side of a join has it: given up on either side is given up. Without
 * that, ath5k_hw_rfregs_init() of drivers/net/wireless/ath/ath5k/phy.c
 * reported its hw->ah_rf_banks table as leaked on three returns (this
 * file has the same shape and guards the join; it does not reproduce the
 * exact joined states of phy.c). foo_init_good() is silent;
 * foo_init_bad() leaks its scratch buffer on the -EINVAL return.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_hw {
	u32 *banks;
	unsigned int nbanks;
	u32 mode;
	u32 regs[8];
};

static void foo_write(struct foo_hw *hw, u32 reg, u32 val)
{
	hw->regs[reg & 7] = val;
}

int foo_init_good(struct foo_hw *hw)
{
	u32 a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
	u32 i = 0, j = 0, k = 0, l = 0, m = 0, n = 0, o = 0, p = 0;
	unsigned int x;
	u32 *rfb;

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
	if (!hw->banks) {
		hw->banks = kmalloc_array(hw->nbanks, sizeof(u32), GFP_KERNEL);
		if (!hw->banks)
			return -ENOMEM;
	}
	rfb = hw->banks;
	for (x = 0; x < hw->nbanks; x++) {
		if (hw->mode > x)
			return -EINVAL;
		rfb[x] = x;
	}
	foo_write(hw, 0, a + b + c + d + e + f + g + h);
	foo_write(hw, 1, i + j + k + l + m + n + o + p);
	for (x = 0; x < hw->nbanks; x++)
		foo_write(hw, x, rfb[x]);
	return 0;
}

int foo_init_bad(struct foo_hw *hw)
{
	u32 *scratch;

	scratch = kcalloc(hw->nbanks, sizeof(u32), GFP_KERNEL);
	if (!scratch)
		return -ENOMEM;
	if (hw->nbanks > 64)
		return -EINVAL; /* expect: alloc-leak */
	foo_write(hw, 0, scratch[0]);
	kfree(scratch);
	return 0;
}

MODULE_LICENSE("GPL");
