// SPDX-License-Identifier: GPL-2.0
/*
 * A pointer moved into its block by an offset the engine does not know,
 * and moved back before the free: buf += offset ... kfree(buf - offset)
 * (drivers/usb/misc/usbtest.c ctrl_out()), or a block carved into
 * several arrays whose first one is freed
 * (drivers/usb/gadget/function/f_fs.c __ffs_data_got_strings(),
 * vla_ptr()).  A pointer into the block keeps the block, and the free
 * of a pointer into it frees it.  foo_xfer_bad() returns without the
 * free when the transfer fails.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_dev {
	u8 tx[64];
	u16 **tabs;
};

static int foo_send(struct foo_dev *fd, const u8 *buf, unsigned int len)
{
	if (len > sizeof(fd->tx))
		return -EINVAL;
	memcpy(fd->tx, buf, len);
	return 0;
}

int foo_xfer_bad(struct foo_dev *fd, unsigned int len, unsigned int offset)
{
	u8 *buf;
	int ret;

	buf = kmalloc(len + offset, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf += offset;
	memset(buf, 0x5a, len);
	ret = foo_send(fd, buf, len);
	if (ret < 0)
		return ret; /* expect: alloc-leak */
	kfree(buf - offset);
	return 0;
}

int foo_xfer_good(struct foo_dev *fd, unsigned int len, unsigned int offset)
{
	u8 *buf;
	int ret;

	buf = kmalloc(len + offset, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf += offset;
	memset(buf, 0x5a, len);
	ret = foo_send(fd, buf, len);
	kfree(buf - offset);
	return ret < 0 ? ret : 0;
}

int foo_carve_good(struct foo_dev *fd, unsigned int n, size_t tabs_off,
		   size_t vals_off, size_t size)
{
	char *blk = kmalloc(size, GFP_KERNEL);
	u16 **tabs, *vals;
	unsigned int i;

	if (!blk)
		return -ENOMEM;
	tabs = (u16 **)(blk + tabs_off);
	vals = (u16 *)(blk + vals_off);
	for (i = 0; i < n; i++)
		*tabs++ = vals++;
	tabs = (u16 **)(blk + tabs_off);
	if (!n) {
		kfree(tabs);
		return -EINVAL;
	}
	fd->tabs = tabs;
	return 0;
}

MODULE_LICENSE("GPL");
