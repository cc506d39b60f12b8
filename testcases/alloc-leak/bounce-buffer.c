// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/broadcom/tg3.c, tg3_set_eeprom()): a
 * bounce buffer is allocated only when the caller's data is not aligned
 * (buf = data, or buf = kmalloc()), and freed under if (buf != data).
 * A block this function allocated, once known not NULL, is no other
 * object: buf != data holds on every path that allocated it.
 * foo_write_good() is silent.  foo_write_bad() frees the bounce buffer
 * only when the write failed: the path where it succeeded loses it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_dev {
	u32 regs[64];
};

static int foo_write_block(struct foo_dev *fd, u32 offset, u32 len,
			   const u8 *buf)
{
	if (offset + len > sizeof(fd->regs))
		return -EINVAL;
	memcpy((u8 *)fd->regs + offset, buf, len);
	return 0;
}

int foo_write_good(struct foo_dev *fd, u32 offset, u32 len, u8 *data)
{
	u8 *buf = data;
	int ret;

	if (len & 3) {
		buf = kmalloc(ALIGN(len, 4), GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		memcpy(buf, data, len);
		len = ALIGN(len, 4);
	}
	ret = foo_write_block(fd, offset, len, buf);
	if (buf != data)
		kfree(buf);
	return ret;
}

int foo_write_bad(struct foo_dev *fd, u32 offset, u32 len, u8 *data)
{
	u8 *buf = data;
	int ret;

	if (len & 3) {
		buf = kmalloc(ALIGN(len, 4), GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		memcpy(buf, data, len);
		len = ALIGN(len, 4);
	}
	ret = foo_write_block(fd, offset, len, buf);
	if (buf != data && ret) /* expect-note: alloc-leak */
		kfree(buf);
	return ret; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
