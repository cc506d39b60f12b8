// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (gspca t613.c reg_w_ixbuf(), drivers/media/usb scan): a
 * bounce buffer is used when the transfer is too big for the device's
 * own buffer, `if (len * 2 <= FOO_BUF_SZ) tmpbuf = usb_buf; else tmpbuf
 * = kmalloc_array(len, 2, ...)`, and freed after the transfer under the
 * negation of the same test, `if (len * 2 > FOO_BUF_SZ) kfree(tmpbuf);`.
 * A test and its negation are one condition: the path that allocated
 * frees, foo_write_regs() is silent.  Also for == against !=, < against
 * >=, and x against !x (foo_write_cmd(), which returns early on the
 * negation of its allocating test).
 *
 * Twins: bar_write_regs() frees under a test of another bound, and
 * baz_write_regs() changes len between the tests: both leak.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>

#define FOO_BUF_SZ	64

struct foo_dev {
	struct usb_device *udev;
	u8 usb_buf[FOO_BUF_SZ];
};

static void foo_send(struct foo_dev *fd, u8 *buf, u16 len)
{
	usb_control_msg(fd->udev, usb_sndctrlpipe(fd->udev, 0), 0,
			USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			0x01, 0, buf, len, 500);
}

void foo_write_regs(struct foo_dev *fd, u8 reg, const u8 *vals, u16 len)
{
	u8 *p, *tmpbuf;
	int i;

	if (len * 2 <= FOO_BUF_SZ) {
		p = tmpbuf = fd->usb_buf;
	} else {
		p = tmpbuf = kmalloc_array(len, 2, GFP_KERNEL);
		if (!tmpbuf)
			return;
	}
	for (i = 0; i < len; i++) {
		*p++ = reg++;
		*p++ = *vals++;
	}
	foo_send(fd, tmpbuf, len * 2);
	if (len * 2 > FOO_BUF_SZ)
		kfree(tmpbuf);
}

void foo_write_cmd(struct foo_dev *fd, const u8 *cmd, u16 len, bool small)
{
	u8 *buf;

	if (len != 0 && len >= FOO_BUF_SZ && !small) {
		buf = kmemdup(cmd, len, GFP_KERNEL);
		if (!buf)
			return;
	} else {
		buf = fd->usb_buf;
	}
	foo_send(fd, buf, len);
	if (len == 0 || len < FOO_BUF_SZ || small)
		return;
	kfree(buf);
}

void bar_write_regs(struct foo_dev *fd, u8 reg, const u8 *vals, u16 len)
{
	u8 *p, *tmpbuf;
	int i;

	if (len * 2 <= FOO_BUF_SZ) {
		p = tmpbuf = fd->usb_buf;
	} else {
		p = tmpbuf = kmalloc_array(len, 2, GFP_KERNEL);
		if (!tmpbuf)
			return;
	}
	for (i = 0; i < len; i++) {
		*p++ = reg++;
		*p++ = *vals++;
	}
	foo_send(fd, tmpbuf, len * 2);
	if (len * 2 > 2 * FOO_BUF_SZ)
		kfree(tmpbuf);
} /* expect: alloc-leak */

void baz_write_regs(struct foo_dev *fd, u8 reg, const u8 *vals, u16 len)
{
	u8 *p, *tmpbuf;
	int i;

	if (len * 2 <= FOO_BUF_SZ) {
		p = tmpbuf = fd->usb_buf;
	} else {
		p = tmpbuf = kmalloc_array(len, 2, GFP_KERNEL);
		if (!tmpbuf)
			return;
	}
	for (i = 0; i < len; i++) {
		*p++ = reg++;
		*p++ = *vals++;
	}
	foo_send(fd, tmpbuf, len * 2);
	len = fd->usb_buf[0];
	if (len * 2 > FOO_BUF_SZ)
		kfree(tmpbuf);
} /* expect: alloc-leak */

MODULE_LICENSE("GPL");
