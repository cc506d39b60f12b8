// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free on the next iteration of a retry loop: foo_send_bad()
 * frees the frame when the device says -EAGAIN, and the next iteration
 * passes the freed frame to foo_xmit(), which reads it; if that retry
 * says -EAGAIN again, the kfree() in the loop frees the frame a second
 * time, and if it ends the loop, the kfree() after it does.
 * foo_send_good() frees once, after the loop.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/delay.h>

#define FOO_TRIES	5

struct foo_dev {
	u8 *txbuf;
	size_t txlen;
};

static int foo_xmit(struct foo_dev *fd, const u8 *frame, size_t len)
{
	if (len > fd->txlen)
		return -EMSGSIZE;
	memcpy(fd->txbuf, frame, len);
	return frame[0] & 1 ? -EAGAIN : 0;
}

int foo_send_bad(struct foo_dev *fd, const u8 *data, size_t len)
{
	u8 *frame = kmemdup(data, len, GFP_KERNEL);
	int tries, ret = -EIO;

	if (!frame)
		return -ENOMEM;
	for (tries = 0; tries < FOO_TRIES; tries++) {
		ret = foo_xmit(fd, frame, len); /* expect: use-after-free */
		if (ret != -EAGAIN)
			break;
		kfree(frame); /* expect: double-free */
		msleep(10);
	}
	if (ret != -EAGAIN)
		kfree(frame); /* expect: double-free */
	return ret;
}

int foo_send_good(struct foo_dev *fd, const u8 *data, size_t len)
{
	u8 *frame = kmemdup(data, len, GFP_KERNEL);
	int tries, ret = -EIO;

	if (!frame)
		return -ENOMEM;
	for (tries = 0; tries < FOO_TRIES; tries++) {
		ret = foo_xmit(fd, frame, len);
		if (ret != -EAGAIN)
			break;
		msleep(10);
	}
	kfree(frame);
	return ret;
}

MODULE_LICENSE("GPL");
