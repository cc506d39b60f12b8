// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of a vmalloc() copy of a firmware image: the copy is
 * checked and then handed to the device.  foo_load_bad() returns when
 * the header's magic is wrong without vfree()ing the copy;
 * foo_load_good() frees it on that path and after the upload.
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/firmware.h>
#include <linux/string.h>

#define FOO_FW_MAGIC	0x464f4f31

struct foo_dev {
	u32 fw_version;
};

static int foo_upload(struct foo_dev *fd, const u8 *img, size_t len)
{
	fd->fw_version = img[len - 1];
	return 0;
}

int foo_load_bad(struct foo_dev *fd, const struct firmware *fw)
{
	u8 *img;
	u32 magic;
	int ret;

	if (fw->size < sizeof(magic))
		return -EINVAL;
	img = vmalloc(fw->size);
	if (!img)
		return -ENOMEM;
	memcpy(img, fw->data, fw->size);
	memcpy(&magic, img, sizeof(magic));
	if (magic != FOO_FW_MAGIC) /* expect-note: alloc-leak */
		return -EINVAL; /* expect: alloc-leak */
	ret = foo_upload(fd, img, fw->size);
	vfree(img);
	return ret;
}

int foo_load_good(struct foo_dev *fd, const struct firmware *fw)
{
	u8 *img;
	u32 magic;
	int ret;

	if (fw->size < sizeof(magic))
		return -EINVAL;
	img = vmalloc(fw->size);
	if (!img)
		return -ENOMEM;
	memcpy(img, fw->data, fw->size);
	memcpy(&magic, img, sizeof(magic));
	if (magic != FOO_FW_MAGIC) {
		vfree(img);
		return -EINVAL;
	}
	ret = foo_upload(fd, img, fw->size);
	vfree(img);
	return ret;
}

MODULE_LICENSE("GPL");
