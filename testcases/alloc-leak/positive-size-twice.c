// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (sound/usb/helper.c, snd_usb_ctl_msg()): a bounce buffer is
 * allocated under if (size > 0) and freed under the same test after the
 * transfer. On the path that allocated, size is positive, so the second
 * test holds too: foo_ctl_msg() is silent. bar_ctl_msg() frees only when
 * size > 1, and leaks a one-byte buffer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/usb.h>

int foo_ctl_msg(struct usb_device *dev, unsigned int pipe, u8 request,
		u8 type, u16 value, u16 index, void *data, u16 size)
{
	void *buf = NULL;
	int err;

	if (size > 0) {
		buf = kmemdup(data, size, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	err = usb_control_msg(dev, pipe, request, type, value, index, buf,
			      size, 1000);
	if (size > 0) {
		memcpy(data, buf, size);
		kfree(buf);
	}
	return err;
}
EXPORT_SYMBOL_GPL(foo_ctl_msg);

int bar_ctl_msg(struct usb_device *dev, unsigned int pipe, u8 request,
		u8 type, u16 value, u16 index, void *data, u16 size)
{
	void *buf = NULL;
	int err;

	if (size > 0) {
		buf = kmemdup(data, size, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	err = usb_control_msg(dev, pipe, request, type, value, index, buf,
			      size, 1000);
	if (size > 1) {
		memcpy(data, buf, size);
		kfree(buf);
	}
	return err; /* expect: alloc-leak */
}
EXPORT_SYMBOL_GPL(bar_ctl_msg);
MODULE_LICENSE("GPL");
