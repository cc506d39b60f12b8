// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/usb/misc/usbtest.c, usbtest_alloc_urb()): the buffer
 * is filled with a guard byte for IN transfers and with 0 for OUT ones,
 * memset(buf, in ? GUARD_BYTE : 0, len). On the path that picks 0 the
 * memset() clears the whole kmalloc() block, but the code does not always
 * zero it: kzalloc() and no memset() would lose the guard bytes.
 * foo_alloc() is silent; bar_alloc() zeroes with a literal 0 and is
 * kzalloc().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FOO_GUARD 0xa5

void *foo_alloc(size_t len, bool in)
{
	u8 *buf = kmalloc(len, GFP_KERNEL);

	if (!buf)
		return NULL;
	memset(buf, in ? FOO_GUARD : 0, len);
	return buf;
}
EXPORT_SYMBOL_GPL(foo_alloc);

void *bar_alloc(size_t len, bool in)
{
	u8 *buf = kmalloc(len, GFP_KERNEL);

	if (!buf)
		return NULL;
	memset(buf, 0, len); /* expect: deprecated-api */
	if (in)
		buf[0] = FOO_GUARD;
	return buf;
}
EXPORT_SYMBOL_GPL(bar_alloc);
MODULE_LICENSE("GPL");
