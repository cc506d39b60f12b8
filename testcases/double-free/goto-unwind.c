// SPDX-License-Identifier: GPL-2.0
/*
 * double-free in a goto unwind ladder: the handshake error path of
 * foo_setup_bad() frees fd->rsp itself and then jumps to the label that
 * frees it again. foo_setup_good() lets the label do it.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_CMD_LEN	64
#define FOO_RSP_LEN	256
#define FOO_HELLO	0x5a

struct foo_dev {
	u8 *cmd;
	u8 *rsp;
};

static int foo_handshake(struct foo_dev *fd)
{
	fd->cmd[0] = FOO_HELLO;
	return fd->rsp[0] == FOO_HELLO ? 0 : -EIO;
}

int foo_setup_bad(struct foo_dev *fd)
{
	int ret = -ENOMEM;

	fd->cmd = kzalloc(FOO_CMD_LEN, GFP_KERNEL);
	if (!fd->cmd)
		return -ENOMEM;
	fd->rsp = kzalloc(FOO_RSP_LEN, GFP_KERNEL);
	if (!fd->rsp)
		goto err_cmd;
	ret = foo_handshake(fd);
	if (ret) {
		kfree(fd->rsp);
		goto err_rsp;
	}
	return 0;

err_rsp:
	kfree(fd->rsp); /* expect: double-free:high */
err_cmd:
	kfree(fd->cmd);
	return ret;
}

int foo_setup_good(struct foo_dev *fd)
{
	int ret = -ENOMEM;

	fd->cmd = kzalloc(FOO_CMD_LEN, GFP_KERNEL);
	if (!fd->cmd)
		return -ENOMEM;
	fd->rsp = kzalloc(FOO_RSP_LEN, GFP_KERNEL);
	if (!fd->rsp)
		goto err_cmd;
	ret = foo_handshake(fd);
	if (ret)
		goto err_rsp;
	return 0;

err_rsp:
	kfree(fd->rsp);
err_cmd:
	kfree(fd->cmd);
	return ret;
}

MODULE_LICENSE("GPL");
