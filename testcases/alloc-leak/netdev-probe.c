// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of a network device in probe: the bad probe returns when
 * pci_iomap() fails without free_netdev() (the common "fix memory leak
 * in probe" patch).  Once register_netdev() succeeded the stack holds
 * the device, and remove frees it through drvdata.  The good probe
 * unwinds every error with a goto.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>

struct foo_priv {
	struct pci_dev *pdev;
	void __iomem *regs;
};

static const struct net_device_ops foo_ops;

static int foo_bad_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *nd;
	struct foo_priv *p;
	int err;

	nd = alloc_etherdev(sizeof(*p));
	if (!nd)
		return -ENOMEM;
	SET_NETDEV_DEV(nd, &pdev->dev);
	nd->netdev_ops = &foo_ops;
	p = netdev_priv(nd);
	p->pdev = pdev;
	p->regs = pci_iomap(pdev, 0, 0);
	if (!p->regs)
		return -EIO; /* expect: alloc-leak */
	pci_set_drvdata(pdev, nd);
	err = register_netdev(nd);
	if (err)
		goto err_unmap;
	return 0;
err_unmap:
	pci_iounmap(pdev, p->regs);
	free_netdev(nd);
	return err;
}

static int foo_good_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *nd;
	struct foo_priv *p;
	int err;

	nd = alloc_etherdev(sizeof(*p));
	if (!nd)
		return -ENOMEM;
	SET_NETDEV_DEV(nd, &pdev->dev);
	nd->netdev_ops = &foo_ops;
	p = netdev_priv(nd);
	p->pdev = pdev;
	p->regs = pci_iomap(pdev, 0, 0);
	if (!p->regs) {
		err = -EIO;
		goto err_free;
	}
	pci_set_drvdata(pdev, nd);
	err = register_netdev(nd);
	if (err)
		goto err_unmap;
	return 0;
err_unmap:
	pci_iounmap(pdev, p->regs);
err_free:
	free_netdev(nd);
	return err;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct net_device *nd = pci_get_drvdata(pdev);
	struct foo_priv *p = netdev_priv(nd);

	unregister_netdev(nd);
	pci_iounmap(pdev, p->regs);
	free_netdev(nd);
}

static const struct pci_device_id foo_ids[] = {
	{ PCI_DEVICE(0x1234, 0x5678) },
	{ }
};
MODULE_DEVICE_TABLE(pci, foo_ids);

static struct pci_driver foo_bad_driver = {
	.name = "foo-bad", .id_table = foo_ids,
	.probe = foo_bad_probe, .remove = foo_remove,
};

static struct pci_driver foo_good_driver = {
	.name = "foo-good", .id_table = foo_ids,
	.probe = foo_good_probe, .remove = foo_remove,
};

static int __init foo_init(void)
{
	int err = pci_register_driver(&foo_bad_driver);

	if (err)
		return err;
	err = pci_register_driver(&foo_good_driver);
	if (err)
		pci_unregister_driver(&foo_bad_driver);
	return err;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	pci_unregister_driver(&foo_good_driver);
	pci_unregister_driver(&foo_bad_driver);
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
