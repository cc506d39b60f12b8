// SPDX-License-Identifier: GPL-2.0
/*
 * A function with more paths than the exploration budget: past it, the
 * engine joins the paths that reach a block, and the flags read for each
 * descriptor (last, more) become unknown where the paths of several
 * descriptors meet.  The loop keeps its buffer across descriptors until
 * the last one, and a buffer still open when the reads stop is kept for
 * the next poll under the same test (xgbe_rx_poll() of
 * drivers/net/ethernet/amd/xgbe/xgbe-drv.c: the skb kept under
 * if (received && (!last || context_next))).  The path on which the last
 * test says "not open" while the buffer is open does not exist: its
 * branches went both ways on values the join made up, and it is not
 * reported.  foo_poll_good() is silent.  foo_poll_bad() loses the open
 * buffer on an error return decided by a value the join did not make
 * up, and is still reported.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_hw {
	u32 mode;
	u32 regs[8];
	u8 *saved;
	u8 *pending;
};

static int foo_hw_read(struct foo_hw *hw)
{
	return hw->regs[4] & 1;
}

int foo_poll_good(struct foo_hw *hw, int budget)
{
	u32 a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
	u32 i = 0, j = 0, k = 0, l = 0, m = 0, n = 0, o = 0, p = 0;
	unsigned int last = 0, more = 0, got = 0;
	u8 *buf;
	int done = 0;

	while (done < budget) {
		buf = NULL;
again:
		if (foo_hw_read(hw))
			break;
		got++;
		last = (hw->regs[2] >> 1) & 1;
		more = (hw->regs[2] >> 2) & 1;
		if (!buf) {
			buf = kmalloc(64, GFP_KERNEL);
			if (!buf)
				break;
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
		hw->regs[0] = a + b + c + d + e + f + g + h;
		hw->regs[1] = i + j + k + l + m + n + o + p;
		if (!last || more)
			goto again;
		hw->saved = buf;
		done++;
	}
	if (got && (!last || more))
		hw->pending = buf;
	return done;
}

int foo_poll_bad(struct foo_hw *hw, int budget)
{
	u32 a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
	u32 i = 0, j = 0, k = 0, l = 0, m = 0, n = 0, o = 0, p = 0;
	unsigned int last = 0, more = 0, got = 0;
	u8 *buf;
	int done = 0;

	while (done < budget) {
		buf = NULL;
again:
		if (foo_hw_read(hw))
			break;
		got++;
		last = (hw->regs[2] >> 1) & 1;
		more = (hw->regs[2] >> 2) & 1;
		if (!buf) {
			buf = kmalloc(64, GFP_KERNEL);
			if (!buf)
				break;
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
		hw->regs[0] = a + b + c + d + e + f + g + h;
		hw->regs[1] = i + j + k + l + m + n + o + p;
		if (!last || more)
			goto again;
		hw->saved = buf;
		done++;
	}
	if (hw->regs[3] == 5) /* expect-note: alloc-leak */
		return -EIO; /* expect: alloc-leak */
	if (got && (!last || more))
		hw->pending = buf;
	return done;
}

MODULE_LICENSE("GPL");
