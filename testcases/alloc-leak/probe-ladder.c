// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's probe() unwind ladder with four resources, all held by
 * the first (fd). In foo_probe_bad() the failure of the fourth
 * allocation jumps to the label that frees the second, skipping the one
 * that frees the third (the urb): on that path kfree(fd) frees the only
 * pointer to the urb, which is where it is reported. foo_probe_good()
 * jumps to the right label everywhere.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>

struct foo_dev {
	u8 *cmd;
	u8 *rsp;
	struct urb *urb;
	char *name;
};

static int foo_hw_init(struct foo_dev *fd)
{
	fd->cmd[0] = 0x5a;
	return fd->urb->status;
}

int foo_probe_bad(struct foo_dev **out, int id)
{
	struct foo_dev *fd;
	int ret;

	fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	if (!fd)
		return -ENOMEM;
	fd->cmd = kmalloc(64, GFP_KERNEL);
	if (!fd->cmd) {
		ret = -ENOMEM;
		goto err_free_fd;
	}
	fd->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!fd->urb) {
		ret = -ENOMEM;
		goto err_free_cmd;
	}
	fd->name = kasprintf(GFP_KERNEL, "foo%d", id);
	if (!fd->name) { /* expect-note: alloc-leak */
		ret = -ENOMEM;
		goto err_free_cmd;
	}
	ret = foo_hw_init(fd);
	if (ret)
		goto err_free_name;
	*out = fd;
	return 0;

err_free_name:
	kfree(fd->name);
	usb_free_urb(fd->urb);
err_free_cmd:
	kfree(fd->cmd);
err_free_fd:
	kfree(fd); /* expect: alloc-leak */
	return ret;
}

int foo_probe_good(struct foo_dev **out, int id)
{
	struct foo_dev *fd;
	int ret;

	fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	if (!fd)
		return -ENOMEM;
	fd->cmd = kmalloc(64, GFP_KERNEL);
	if (!fd->cmd) {
		ret = -ENOMEM;
		goto err_free_fd;
	}
	fd->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!fd->urb) {
		ret = -ENOMEM;
		goto err_free_cmd;
	}
	fd->name = kasprintf(GFP_KERNEL, "foo%d", id);
	if (!fd->name) {
		ret = -ENOMEM;
		goto err_free_urb;
	}
	ret = foo_hw_init(fd);
	if (ret)
		goto err_free_name;
	*out = fd;
	return 0;

err_free_name:
	kfree(fd->name);
err_free_urb:
	usb_free_urb(fd->urb);
err_free_cmd:
	kfree(fd->cmd);
err_free_fd:
	kfree(fd);
	return ret;
}

MODULE_LICENSE("GPL");
