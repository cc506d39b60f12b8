// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc of an I/O mapping: ioremap() and devm_ioremap() return
 * NULL when the vmalloc area or the devres cannot be had, and writel()
 * or readl() through that NULL oopses.  The kernel's fixes add the check
 * ("add missing check for ioremap/devm_ioremap").  The bad probe writes
 * a register through an unchecked devm_ioremap(); the bad init reads one
 * through an unchecked ioremap() at an offset.  The twins test first.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/slab.h>

#define FOO_CTRL	0x04
#define FOO_ID		0x10

struct foo_priv {
	void __iomem *regs;
	u32 id;
};

static int foo_probe_bad(struct platform_device *pdev)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	struct foo_priv *priv;

	if (!res)
		return -ENODEV;
	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->regs = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	writel(1, priv->regs + FOO_CTRL); /* expect: unchecked-alloc */
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	struct foo_priv *priv;

	if (!res)
		return -ENODEV;
	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->regs = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->regs)
		return -ENOMEM;
	writel(1, priv->regs + FOO_CTRL);
	platform_set_drvdata(pdev, priv);
	return 0;
}

static u32 foo_read_id_bad(phys_addr_t base)
{
	void __iomem *regs = ioremap(base, 0x100);
	u32 id = readl(regs + FOO_ID); /* expect: unchecked-alloc */

	iounmap(regs);
	return id;
}

static u32 foo_read_id_good(phys_addr_t base)
{
	void __iomem *regs = ioremap(base, 0x100);
	u32 id;

	if (!regs)
		return 0;
	id = readl(regs + FOO_ID);
	iounmap(regs);
	return id;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.driver = { .name = "foo-ioremap-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.driver = { .name = "foo-ioremap-good" },
};

static phys_addr_t base = 0xfed40000;
module_param(base, ullong, 0444);

static int __init foo_init(void)
{
	int ret;

	pr_info("foo: id %x %x\n", foo_read_id_bad(base), foo_read_id_good(base));
	ret = platform_driver_register(&foo_bad_driver);
	if (ret)
		return ret;
	ret = platform_driver_register(&foo_good_driver);
	if (ret)
		platform_driver_unregister(&foo_bad_driver);
	return ret;
}

static void __exit foo_exit(void)
{
	platform_driver_unregister(&foo_good_driver);
	platform_driver_unregister(&foo_bad_driver);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
