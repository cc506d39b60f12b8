// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak in a loop's error exit: a firmware image is sent in chunks,
 * each copied into a DMA-safe buffer (kmemdup()) that is freed at the end
 * of the iteration.  foo_load_fw_bad() leaves the loop with "goto out"
 * when a transfer fails, and the label does not free the chunk of that
 * iteration.  foo_load_fw_good() frees it before leaving.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/firmware.h>

#define FOO_CHUNK	256

struct foo_dev {
	int (*xfer)(struct foo_dev *fd, const u8 *buf, size_t len);
	int state;
};

static int foo_write_chunk(struct foo_dev *fd, const u8 *buf, size_t len)
{
	return fd->state == 1 && buf[0] ? (int)len : -EIO;
}

int foo_load_fw_bad(struct foo_dev *fd, const struct firmware *fw)
{
	size_t off, len;
	u8 *chunk;
	int ret = 0;

	for (off = 0; off < fw->size; off += len) {
		len = min_t(size_t, fw->size - off, FOO_CHUNK);
		chunk = kmemdup(fw->data + off, len, GFP_KERNEL);
		if (!chunk)
			return -ENOMEM;
		ret = foo_write_chunk(fd, chunk, len);
		if (ret < 0) /* expect-note: alloc-leak */
			goto out; /* expect: alloc-leak */
		kfree(chunk);
	}
	ret = 0;
out:
	return ret;
}

int foo_load_fw_good(struct foo_dev *fd, const struct firmware *fw)
{
	size_t off, len;
	u8 *chunk;
	int ret = 0;

	for (off = 0; off < fw->size; off += len) {
		len = min_t(size_t, fw->size - off, FOO_CHUNK);
		chunk = kmemdup(fw->data + off, len, GFP_KERNEL);
		if (!chunk)
			return -ENOMEM;
		ret = foo_write_chunk(fd, chunk, len);
		kfree(chunk);
		if (ret < 0)
			goto out;
	}
	ret = 0;
out:
	return ret;
}

MODULE_LICENSE("GPL");
