// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of a table freed on a fallback, then freed again under a
 * test of a flag bit (cxgb4's init_one() in
 * drivers/net/ethernet/chelsio/cxgb4/cxgb4_main.c).  The adapter comes
 * from kzalloc(), so its flags read 0 until written; probe sets other
 * bits with |=, a helper sets FOO_FW_OK on some paths and clears
 * FOO_DEV_ENABLED on others (only those bits become unknown), another
 * only clears FOO_USING_MSIX (a known-clear bit stays clear), and when
 * MSI-X cannot be enabled it sets FOO_USING_MSI and frees the MSI-X
 * table.  The error path frees the table only if FOO_USING_MSIX is set,
 * a bit no code on that path set: no finding.  The bad twin's error path
 * tests FOO_USING_MSI, the bit the fallback did set: the table is freed
 * twice.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

#define FOO_DEV_ENABLED	(1 << 0)
#define FOO_FW_OK	(1 << 1)
#define FOO_USING_MSI	(1 << 2)
#define FOO_USING_MSIX	(1 << 3)

struct foo_adapter {
	struct pci_dev *pdev;
	unsigned int flags;
	unsigned int nvec;
	struct msix_entry *msix_info;
};

static int foo_alloc_msix_info(struct foo_adapter *adap)
{
	adap->msix_info = kcalloc(adap->nvec, sizeof(*adap->msix_info),
				  GFP_KERNEL);
	if (!adap->msix_info)
		return -ENOMEM;
	return 0;
}

static void foo_free_msix_info(struct foo_adapter *adap)
{
	kfree(adap->msix_info);
}

static int foo_init0(struct foo_adapter *adap)
{
	if (pci_enable_device(adap->pdev)) {
		adap->flags &= ~FOO_DEV_ENABLED;
		return -EIO;
	}
	adap->flags |= FOO_FW_OK;
	return 0;
}

/* clears FOO_USING_MSIX, never sets it: the bit stays known clear */
static void foo_disable_msix(struct foo_adapter *adap)
{
	if (adap->flags & FOO_USING_MSIX) {
		pci_disable_msix(adap->pdev);
		adap->flags &= ~FOO_USING_MSIX;
	}
}

static int foo_enable_msix(struct foo_adapter *adap)
{
	int ret = foo_alloc_msix_info(adap);

	if (ret)
		return ret;
	return pci_enable_msix_exact(adap->pdev, adap->msix_info, adap->nvec);
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
	adapter->flags |= FOO_DEV_ENABLED;
	foo_init0(adapter);

	if (foo_enable_msix(adapter) == 0)
		adapter->flags |= FOO_USING_MSIX;
	else if (pci_enable_msi(pdev) == 0) {
		adapter->flags |= FOO_USING_MSI;
		foo_free_msix_info(adapter);
	}

	err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		goto out_free;
	pci_set_drvdata(pdev, adapter);
	return 0;

out_free:
	foo_disable_msix(adapter);
	if (adapter->flags & FOO_USING_MSIX)
		foo_free_msix_info(adapter);
	kfree(adapter);
	return err;
}

struct foo_bad_adapter {
	struct pci_dev *pdev;
	unsigned int flags;
	unsigned int nvec;
	struct msix_entry *msix_info;
};

static int foo_bad_alloc_msix_info(struct foo_bad_adapter *adap)
{
	adap->msix_info = kcalloc(adap->nvec, sizeof(*adap->msix_info),
				  GFP_KERNEL);
	if (!adap->msix_info)
		return -ENOMEM;
	return 0;
}

static void foo_bad_free_msix_info(struct foo_bad_adapter *adap)
{
	kfree(adap->msix_info);
}

static int foo_bad_init0(struct foo_bad_adapter *adap)
{
	if (pci_enable_device(adap->pdev)) {
		adap->flags &= ~FOO_DEV_ENABLED;
		return -EIO;
	}
	adap->flags |= FOO_FW_OK;
	return 0;
}

/* clears FOO_USING_MSIX, never sets it: the bit stays known clear */
static void foo_bad_disable_msix(struct foo_bad_adapter *adap)
{
	if (adap->flags & FOO_USING_MSIX) {
		pci_disable_msix(adap->pdev);
		adap->flags &= ~FOO_USING_MSIX;
	}
}

static int foo_bad_enable_msix(struct foo_bad_adapter *adap)
{
	int ret = foo_bad_alloc_msix_info(adap);

	if (ret)
		return ret;
	return pci_enable_msix_exact(adap->pdev, adap->msix_info, adap->nvec);
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
	adapter->flags |= FOO_DEV_ENABLED;
	foo_bad_init0(adapter);

	if (foo_bad_enable_msix(adapter) == 0)
		adapter->flags |= FOO_USING_MSIX;
	else if (pci_enable_msi(pdev) == 0) {
		adapter->flags |= FOO_USING_MSI;
		foo_bad_free_msix_info(adapter);
	}

	err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		goto out_free;
	pci_set_drvdata(pdev, adapter);
	return 0;

out_free:
	foo_bad_disable_msix(adapter);
	if (adapter->flags & (FOO_USING_MSIX | FOO_USING_MSI))
		foo_bad_free_msix_info(adapter); /* expect: double-free */
	kfree(adapter);
	return err;
}

MODULE_LICENSE("GPL");
