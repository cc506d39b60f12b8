// SPDX-License-Identifier: GPL-2.0
/*
 * An address inside a block known not to be NULL is not NULL either, also
 * once it went through a store: hid-picolcd_fb.c's
 * picolcd_init_framebuffer() moves info->par past the areas it carves out
 * of framebuffer_alloc()'s private area (info->par += ...), reads it into
 * fbdata, and its unwind tests `if (fbdata)` before freeing the bitmap
 * fbdata holds.  That test cannot be false once fbdata is inside info,
 * so the bitmap is not leaked on the way to framebuffer_release().
 * foo_init_fb_bad() frees info without the bitmap.
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/fb.h>

struct foo_fb_data {
	void *bitmap;
	int rate;
};

struct foo_data {
	struct fb_info *fb_info;
	bool broken;
};

int foo_fb_reset(struct foo_data *data)
{
	return data->broken ? -EIO : 0;
}

int foo_init_fb(struct foo_data *data, struct device *dev)
{
	struct foo_fb_data *fbdata = NULL;
	struct fb_info *info;
	int error = -ENOMEM;
	u32 *palette;

	info = framebuffer_alloc(256 * sizeof(u32) + sizeof(*fbdata), dev);
	if (!info)
		goto err_nomem;
	palette = info->par;
	info->par += 256 * sizeof(u32);
	info->pseudo_palette = palette;
	fbdata = info->par;
	fbdata->bitmap = vmalloc(4096);
	if (!fbdata->bitmap)
		goto err_nomem;
	data->fb_info = info;
	error = foo_fb_reset(data);
	if (error)
		goto err_cleanup;
	return 0;

err_cleanup:
	data->fb_info = NULL;
err_nomem:
	if (fbdata)
		vfree(fbdata->bitmap);
	framebuffer_release(info);
	return error;
}

int foo_init_fb_bad(struct foo_data *data, struct device *dev)
{
	struct foo_fb_data *fbdata;
	struct fb_info *info;

	info = framebuffer_alloc(sizeof(*fbdata), dev);
	if (!info)
		return -ENOMEM;
	info->par += 0;
	fbdata = info->par;
	fbdata->bitmap = vmalloc(4096);
	if (!fbdata->bitmap) {
		framebuffer_release(info);
		return -ENOMEM;
	}
	if (data->broken) { /* expect-note: alloc-leak */
		framebuffer_release(info); /* expect: alloc-leak */
		return -EIO;
	}
	data->fb_info = info;
	return 0;
}

MODULE_LICENSE("GPL");
