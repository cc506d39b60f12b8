// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch: a firmware image copied into vmalloc() memory and
 * released with kfree() (which BUGs or corrupts on a vmalloc address).
 * foo_fw_good() uses vfree().
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_fw {
	u8 *image;
	size_t size;
};

static int foo_fw_verify(const u8 *image, size_t size)
{
	return size >= 4 && image[0] == 0x7f ? 0 : -EINVAL;
}

int foo_fw_bad(struct foo_fw *fw, const u8 *data, size_t size)
{
	u8 *image = vmalloc(size);

	if (!image)
		return -ENOMEM;
	memcpy(image, data, size);
	if (foo_fw_verify(image, size)) {
		kfree(image); /* expect: free-mismatch */
		return -EINVAL;
	}
	fw->image = image;
	fw->size = size;
	return 0;
}

int foo_fw_good(struct foo_fw *fw, const u8 *data, size_t size)
{
	u8 *image = vmalloc(size);

	if (!image)
		return -ENOMEM;
	memcpy(image, data, size);
	if (foo_fw_verify(image, size)) {
		vfree(image);
		return -EINVAL;
	}
	fw->image = image;
	fw->size = size;
	return 0;
}

MODULE_LICENSE("GPL");
