// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak in a switch: a reply buffer is allocated before the switch
 * on the request type, and each case fills it and hands it over.
 * foo_handle_bad() has a case that rejects the request and returns
 * without freeing it; foo_handle_good() breaks out to a common exit that
 * frees it.
 */
#include <linux/module.h>
#include <linux/slab.h>

enum foo_req { FOO_REQ_ID, FOO_REQ_STATUS, FOO_REQ_RESET };

struct foo_dev {
	u8 *reply;
	u8 id;
	u8 status;
	bool locked;
};

int foo_handle_bad(struct foo_dev *fd, enum foo_req req)
{
	u8 *buf;

	buf = kzalloc(16, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	switch (req) {
	case FOO_REQ_ID:
		buf[0] = fd->id;
		break;
	case FOO_REQ_STATUS:
		buf[0] = fd->status;
		break;
	case FOO_REQ_RESET:
		if (fd->locked) /* expect-note: alloc-leak */
			return -EPERM; /* expect: alloc-leak */
		buf[0] = 0;
		break;
	default:
		kfree(buf);
		return -EINVAL;
	}
	fd->reply = buf;
	return 0;
}

int foo_handle_good(struct foo_dev *fd, enum foo_req req)
{
	u8 *buf;
	int ret = 0;

	buf = kzalloc(16, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	switch (req) {
	case FOO_REQ_ID:
		buf[0] = fd->id;
		break;
	case FOO_REQ_STATUS:
		buf[0] = fd->status;
		break;
	case FOO_REQ_RESET:
		if (fd->locked) {
			ret = -EPERM;
			goto out_free;
		}
		buf[0] = 0;
		break;
	default:
		ret = -EINVAL;
		goto out_free;
	}
	fd->reply = buf;
	return 0;

out_free:
	kfree(buf);
	return ret;
}

MODULE_LICENSE("GPL");
