// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of a frame buffer: the kernel's "add missing
 * framebuffer_release() in the error path of probe" fixes for fbdev
 * drivers.  framebuffer_alloc() returns the struct fb_info and the
 * driver's private area (info->par) in one block; storing info into the
 * private area keeps nothing alive.  register_framebuffer() does not take
 * it over: the driver unregisters it, then releases it with
 * framebuffer_release(), which also kfree()s info->apertures.  The bad
 * probe returns without it when the mapping or the registration fails;
 * the good probe unwinds, and its apertures go with the release.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/fb.h>
#include <linux/io.h>

struct foo_par {
	struct fb_info *info;
	void __iomem *regs;
	u32 palette[16];
};

static const struct fb_ops foo_ops = {
	.owner = THIS_MODULE,
};

static int foo_probe_bad(struct platform_device *pdev)
{
	struct fb_info *info;
	struct foo_par *par;
	int err;

	info = framebuffer_alloc(sizeof(*par), &pdev->dev);
	if (!info)
		return -ENOMEM;
	par = info->par;
	par->info = info;
	par->regs = ioremap(0xfe000000, 0x1000);
	if (!par->regs)
		return -ENOMEM; /* expect: alloc-leak */
	info->fbops = &foo_ops;
	info->pseudo_palette = par->palette;
	err = register_framebuffer(info);
	if (err < 0) {
		iounmap(par->regs);
		return err; /* expect: alloc-leak */
	}
	platform_set_drvdata(pdev, info);
	return 0;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct fb_info *info;
	struct foo_par *par;
	int err = -ENOMEM;

	info = framebuffer_alloc(sizeof(*par), &pdev->dev);
	if (!info)
		return -ENOMEM;
	info->apertures = alloc_apertures(1);
	if (!info->apertures)
		goto err_release;
	par = info->par;
	par->info = info;
	par->regs = ioremap(0xfe000000, 0x1000);
	if (!par->regs)
		goto err_release;
	info->fbops = &foo_ops;
	info->pseudo_palette = par->palette;
	err = register_framebuffer(info);
	if (err < 0)
		goto err_unmap;
	platform_set_drvdata(pdev, info);
	return 0;

err_unmap:
	iounmap(par->regs);
err_release:
	framebuffer_release(info);
	return err;
}

static int foo_remove(struct platform_device *pdev)
{
	struct fb_info *info = platform_get_drvdata(pdev);
	struct foo_par *par = info->par;

	unregister_framebuffer(info);
	iounmap(par->regs);
	framebuffer_release(info);
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.remove = foo_remove,
	.driver = { .name = "foo-fb-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.remove = foo_remove,
	.driver = { .name = "foo-fb-good" },
};

static int __init foo_init(void)
{
	int err = platform_driver_register(&foo_bad_driver);

	if (err)
		return err;
	err = platform_driver_register(&foo_good_driver);
	if (err)
		platform_driver_unregister(&foo_bad_driver);
	return err;
}

static void __exit foo_exit(void)
{
	platform_driver_unregister(&foo_good_driver);
	platform_driver_unregister(&foo_bad_driver);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
