// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of an I/O mapping: the kernel's "fix missing iounmap() on
 * error path" fixes.  The bad PCI probe maps BAR 0 with pci_iomap() and
 * returns when the next step fails without pci_iounmap(); the bad helper
 * returns an error after ioremap() without iounmap().  The twins unwind.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/io.h>
#include <linux/slab.h>

struct foo_dev {
	void __iomem *bar;
	void __iomem *sram;
	int *ring;
};

static int foo_probe_bad(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_dev *fd;
	void __iomem *bar;
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	bar = pci_iomap(pdev, 0, 0);
	if (!bar) {
		ret = -ENOMEM;
		goto err_disable;
	}
	fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	if (!fd) {
		ret = -ENOMEM;
		goto err_disable; /* expect: alloc-leak */
	}
	fd->bar = bar;
	pci_set_drvdata(pdev, fd);
	return 0;

err_disable:
	pci_disable_device(pdev);
	return ret;
}

static int foo_probe_good(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_dev *fd;
	void __iomem *bar;
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	bar = pci_iomap(pdev, 0, 0);
	if (!bar) {
		ret = -ENOMEM;
		goto err_disable;
	}
	fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	if (!fd) {
		ret = -ENOMEM;
		goto err_unmap;
	}
	fd->bar = bar;
	pci_set_drvdata(pdev, fd);
	return 0;

err_unmap:
	pci_iounmap(pdev, bar);
err_disable:
	pci_disable_device(pdev);
	return ret;
}

int foo_map_sram_bad(struct foo_dev *fd, phys_addr_t base, u32 magic)
{
	void __iomem *sram = ioremap(base, 0x1000);

	if (!sram)
		return -ENOMEM;
	if (readl(sram) != magic)
		return -ENODEV; /* expect: alloc-leak */
	fd->sram = sram;
	return 0;
}

int foo_map_sram_good(struct foo_dev *fd, phys_addr_t base, u32 magic)
{
	void __iomem *sram = ioremap(base, 0x1000);

	if (!sram)
		return -ENOMEM;
	if (readl(sram) != magic) {
		iounmap(sram);
		return -ENODEV;
	}
	fd->sram = sram;
	return 0;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo_dev *fd = pci_get_drvdata(pdev);

	if (fd->sram)
		iounmap(fd->sram);
	pci_iounmap(pdev, fd->bar);
	kfree(fd);
	pci_disable_device(pdev);
}

static const struct pci_device_id foo_ids[] = {
	{ PCI_DEVICE(0x1234, 0x5678) },
	{ }
};
MODULE_DEVICE_TABLE(pci, foo_ids);

static struct pci_driver foo_bad_driver = {
	.name = "foo-iomap-bad",
	.id_table = foo_ids,
	.probe = foo_probe_bad,
	.remove = foo_remove,
};

static struct pci_driver foo_good_driver = {
	.name = "foo-iomap-good",
	.id_table = foo_ids,
	.probe = foo_probe_good,
	.remove = foo_remove,
};

EXPORT_SYMBOL_GPL(foo_map_sram_bad);
EXPORT_SYMBOL_GPL(foo_map_sram_good);

static int __init foo_init(void)
{
	int ret = pci_register_driver(&foo_bad_driver);

	if (ret)
		return ret;
	ret = pci_register_driver(&foo_good_driver);
	if (ret)
		pci_unregister_driver(&foo_bad_driver);
	return ret;
}

static void __exit foo_exit(void)
{
	pci_unregister_driver(&foo_good_driver);
	pci_unregister_driver(&foo_bad_driver);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
