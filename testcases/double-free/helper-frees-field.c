// SPDX-License-Identifier: GPL-2.0
/*
 * double-free across functions: a local helper, foo_hw_reset(), drops the
 * loaded firmware with kfree(fd->fw) and leaves the pointer; the caller
 * foo_shutdown_bad() then kfree()s fd->fw again. The finding belongs on
 * the caller's second free. foo_hw_reset_clear() sets fd->fw to NULL, so
 * the kfree() in foo_shutdown_good() is kfree(NULL).
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u8 *fw;
	size_t fw_len;
	bool running;
};

int foo_fw_load(struct foo_dev *fd, const u8 *data, size_t len)
{
	fd->fw = kmemdup(data, len, GFP_KERNEL);
	if (!fd->fw)
		return -ENOMEM;
	fd->fw_len = len;
	return 0;
}

static void foo_hw_reset(struct foo_dev *fd)
{
	fd->running = false;
	kfree(fd->fw);
	fd->fw_len = 0;
}

static void foo_hw_reset_clear(struct foo_dev *fd)
{
	fd->running = false;
	kfree(fd->fw);
	fd->fw = NULL;
	fd->fw_len = 0;
}

void foo_shutdown_bad(struct foo_dev *fd)
{
	foo_hw_reset(fd);
	kfree(fd->fw); /* expect: double-free:medium */
}

void foo_shutdown_good(struct foo_dev *fd)
{
	foo_hw_reset_clear(fd);
	kfree(fd->fw);
}

MODULE_LICENSE("GPL");
