// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak in a goto unwind ladder: when foo_start() fails,
 * foo_init_bad() jumps to the label that frees only cmd, and rsp leaks.
 * foo_init_good() jumps to the label that frees both.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u8 *cmd;
	u8 *rsp;
	int state;
};

static int foo_start(struct foo_dev *fd, u8 *cmd, u8 *rsp)
{
	cmd[0] = 1;
	rsp[0] = 0;
	return fd->state ? 0 : -EIO;
}

int foo_init_bad(struct foo_dev *fd)
{
	u8 *cmd, *rsp;
	int ret;

	cmd = kzalloc(64, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	rsp = kzalloc(256, GFP_KERNEL);
	if (!rsp) {
		ret = -ENOMEM;
		goto err_cmd;
	}
	ret = foo_start(fd, cmd, rsp);
	if (ret) /* expect-note: alloc-leak */
		goto err_cmd; /* expect: alloc-leak */
	fd->cmd = cmd;
	fd->rsp = rsp;
	return 0;

err_cmd:
	kfree(cmd);
	return ret;
}

int foo_init_good(struct foo_dev *fd)
{
	u8 *cmd, *rsp;
	int ret;

	cmd = kzalloc(64, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	rsp = kzalloc(256, GFP_KERNEL);
	if (!rsp) {
		ret = -ENOMEM;
		goto err_cmd;
	}
	ret = foo_start(fd, cmd, rsp);
	if (ret)
		goto err_rsp;
	fd->cmd = cmd;
	fd->rsp = rsp;
	return 0;

err_rsp:
	kfree(rsp);
err_cmd:
	kfree(cmd);
	return ret;
}

MODULE_LICENSE("GPL");
