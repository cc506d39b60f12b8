// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free through a callee that reads a table only under a flag
 * bit (cxgb4's init_one() and setup_non_data_intr() in
 * drivers/net/ethernet/chelsio/cxgb4/cxgb4_main.c).  On the MSI fallback
 * probe sets FOO_USING_MSI and frees the MSI-X table, then calls
 * foo_setup_intr(), which returns at once unless FOO_USING_MSIX is set:
 * its summary says it reads the table only where that bit is set, a bit
 * the caller knows is clear (the adapter is from kzalloc()): no finding.
 * The bad twin's helper reads the table when any interrupt mode bit is
 * set, FOO_USING_MSI among them: the table is read after it was freed.
 * The unwind frees the table unless the MSI fallback already did:
 * pci_enable_msix_exact() is known (rules/subsys-6.1.summaries) not to
 * keep it, so a table left on the error path is a leak.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

#define FOO_USING_MSI	(1 << 2)
#define FOO_USING_MSIX	(1 << 3)

struct foo_adapter {
	struct pci_dev *pdev;
	unsigned int flags;
	unsigned int nvec;
	struct msix_entry *msix_info;
};

static int foo_setup_intr(struct foo_adapter *adap)
{
	if (!(adap->flags & FOO_USING_MSIX))
		return 0;
	return adap->msix_info[0].vector;
}

int foo_init_one(struct pci_dev *pdev)
{
	struct foo_adapter *adapter;
	int err;

	adapter = kzalloc(sizeof(*adapter), GFP_KERNEL);
	if (!adapter)
		return -ENOMEM;
	adapter->pdev = pdev;
	adapter->nvec = 8;
	adapter->msix_info = kcalloc(adapter->nvec,
				     sizeof(*adapter->msix_info), GFP_KERNEL);
	if (!adapter->msix_info)
		goto out_free;
	if (pci_enable_msix_exact(pdev, adapter->msix_info, adapter->nvec) == 0)
		adapter->flags |= FOO_USING_MSIX;
	else if (pci_enable_msi(pdev) == 0) {
		adapter->flags |= FOO_USING_MSI;
		kfree(adapter->msix_info);
	}
	err = foo_setup_intr(adapter);
	if (err < 0)
		goto out_free;
	pci_set_drvdata(pdev, adapter);
	return 0;

out_free:
	if (!(adapter->flags & FOO_USING_MSI))
		kfree(adapter->msix_info);
	kfree(adapter);
	return -ENOMEM;
}

struct foo_bad_adapter {
	struct pci_dev *pdev;
	unsigned int flags;
	unsigned int nvec;
	struct msix_entry *msix_info;
};

static int foo_bad_setup_intr(struct foo_bad_adapter *adap)
{
	if (!(adap->flags & (FOO_USING_MSIX | FOO_USING_MSI)))
		return 0;
	return adap->msix_info[0].vector;
}

int foo_bad_init_one(struct pci_dev *pdev)
{
	struct foo_bad_adapter *adapter;
	int err;

	adapter = kzalloc(sizeof(*adapter), GFP_KERNEL);
	if (!adapter)
		return -ENOMEM;
	adapter->pdev = pdev;
	adapter->nvec = 8;
	adapter->msix_info = kcalloc(adapter->nvec,
				     sizeof(*adapter->msix_info), GFP_KERNEL);
	if (!adapter->msix_info)
		goto out_free;
	if (pci_enable_msix_exact(pdev, adapter->msix_info, adapter->nvec) == 0)
		adapter->flags |= FOO_USING_MSIX;
	else if (pci_enable_msi(pdev) == 0) {
		adapter->flags |= FOO_USING_MSI;
		kfree(adapter->msix_info);
	}
	err = foo_bad_setup_intr(adapter); /* expect: use-after-free */
	if (err < 0)
		goto out_free;
	pci_set_drvdata(pdev, adapter);
	return 0;

out_free:
	if (!(adapter->flags & FOO_USING_MSI))
		kfree(adapter->msix_info);
	kfree(adapter);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
