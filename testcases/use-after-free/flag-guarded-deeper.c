// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free through two calls, the deeper of which reads a table
 * only under a flag bit (cxgb4's init_one() -> cxgb4_uld_enable() ->
 * cxgb4_uld_alloc_resources() -> setup_sge_queues_uld(), in
 * drivers/net/ethernet/chelsio/cxgb4).  On the MSI fallback probe sets
 * FOO_USING_MSI and frees the MSI-X table, then calls foo_uld_enable(),
 * which does not test the bit itself: its callee foo_setup_queues() reads
 * the table only under FOO_USING_MSIX.  foo_uld_enable()'s summary keeps
 * that condition (the callee's guard, in its caller's names), and probe
 * knows the bit clear: no finding.  The bad twin's deeper helper reads
 * the table under either interrupt mode bit.
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
	unsigned int nqueues;
	struct msix_entry *msix_info;
};

static int foo_setup_queues(struct foo_adapter *adap)
{
	int vec = 0;

	if (adap->flags & FOO_USING_MSIX)
		vec = adap->msix_info[0].vector;
	return vec;
}

static int foo_uld_enable(struct foo_adapter *adap)
{
	adap->nqueues++;
	return foo_setup_queues(adap);
}

static int foo_bad_setup_queues(struct foo_adapter *adap)
{
	int vec = 0;

	if (adap->flags & (FOO_USING_MSIX | FOO_USING_MSI))
		vec = adap->msix_info[0].vector;
	return vec;
}

static int foo_bad_uld_enable(struct foo_adapter *adap)
{
	adap->nqueues++;
	return foo_bad_setup_queues(adap);
}

int foo_init_one(struct pci_dev *pdev)
{
	struct foo_adapter *adapter = kzalloc(sizeof(*adapter), GFP_KERNEL);

	if (!adapter)
		return -ENOMEM;
	adapter->pdev = pdev;
	adapter->nvec = 8;
	adapter->msix_info = kcalloc(adapter->nvec,
				     sizeof(*adapter->msix_info), GFP_KERNEL);
	if (!adapter->msix_info) {
		kfree(adapter);
		return -ENOMEM;
	}
	if (pci_enable_msix_exact(pdev, adapter->msix_info, adapter->nvec) == 0)
		adapter->flags |= FOO_USING_MSIX;
	else if (pci_enable_msi(pdev) == 0) {
		adapter->flags |= FOO_USING_MSI;
		kfree(adapter->msix_info);
	}
	foo_uld_enable(adapter);
	pci_set_drvdata(pdev, adapter);
	return 0;
}

int foo_bad_init_one(struct pci_dev *pdev)
{
	struct foo_adapter *adapter = kzalloc(sizeof(*adapter), GFP_KERNEL);

	if (!adapter)
		return -ENOMEM;
	adapter->pdev = pdev;
	adapter->nvec = 8;
	adapter->msix_info = kcalloc(adapter->nvec,
				     sizeof(*adapter->msix_info), GFP_KERNEL);
	if (!adapter->msix_info) {
		kfree(adapter);
		return -ENOMEM;
	}
	if (pci_enable_msix_exact(pdev, adapter->msix_info, adapter->nvec) == 0)
		adapter->flags |= FOO_USING_MSIX;
	else if (pci_enable_msi(pdev) == 0) {
		adapter->flags |= FOO_USING_MSI;
		kfree(adapter->msix_info);
	}
	foo_bad_uld_enable(adapter); /* expect: use-after-free */
	pci_set_drvdata(pdev, adapter);
	return 0;
}

MODULE_LICENSE("GPL");
