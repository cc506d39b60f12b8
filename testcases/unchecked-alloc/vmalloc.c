// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: vmalloc() returns NULL on failure like kmalloc().
 */
#include <linux/module.h>
#include <linux/vmalloc.h>

struct foo_fw_cache {
	u8 *image;
	size_t size;
};

int foo_fw_cache_bad(struct foo_fw_cache *fc, size_t size)
{
	u8 *image = vmalloc(size);

	image[0] = 0; /* expect: unchecked-alloc */
	fc->image = image;
	fc->size = size;
	return 0;
}

int foo_fw_cache_good(struct foo_fw_cache *fc, size_t size)
{
	u8 *image = vmalloc(size);

	if (!image)
		return -ENOMEM;
	image[0] = 0;
	fc->image = image;
	fc->size = size;
	return 0;
}

void foo_fw_cache_free(struct foo_fw_cache *fc)
{
	vfree(fc->image);
	fc->image = NULL;
}

MODULE_LICENSE("GPL");
