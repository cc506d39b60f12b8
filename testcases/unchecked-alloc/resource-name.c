// SPDX-License-Identifier: GPL-2.0
/*
 * devm_platform_ioremap_resource_byname() has an alloc line in the rules
 * (it returns a devm mapping or an error pointer), and its body, in the
 * core summaries, looks the resource up by the name it is given:
 * platform_get_resource_byname() strcmp()s it.  A devm_kasprintf() name
 * passed unchecked is the bug of intel-nand-controller's ebu_nand_probe()
 * (upstream "mtd: rawnand: intel: check return value of
 * devm_kasprintf()").  The rules line must not hide what the body's
 * summary says of the arguments.  bar checks the name first.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/slab.h>

struct foo_host {
	void __iomem *base;
};

int foo_map_cs(struct platform_device *pdev, struct foo_host *host, int cs)
{
	const char *resname;

	resname = devm_kasprintf(&pdev->dev, GFP_KERNEL, "nand_cs%d", cs);
	host->base = devm_platform_ioremap_resource_byname(pdev, resname); /* expect: unchecked-alloc */
	if (IS_ERR(host->base))
		return PTR_ERR(host->base);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_map_cs);

int bar_map_cs(struct platform_device *pdev, struct foo_host *host, int cs)
{
	const char *resname;

	resname = devm_kasprintf(&pdev->dev, GFP_KERNEL, "nand_cs%d", cs);
	if (!resname)
		return -ENOMEM;
	host->base = devm_platform_ioremap_resource_byname(pdev, resname);
	if (IS_ERR(host->base))
		return PTR_ERR(host->base);
	return 0;
}
EXPORT_SYMBOL_GPL(bar_map_cs);

MODULE_LICENSE("GPL");
