// SPDX-License-Identifier: GPL-2.0
/*
 * double-free across functions, after a fallback that changes a mode
 * field (qed_set_int_mode() and qed_disable_msix() in
 * drivers/net/ethernet/qlogic/qed/qed_main.c).  foo_set_int_mode()
 * allocates the MSI-X table; when MSI-X cannot be enabled it frees the
 * table, leaves the pointer in place, and falls back to INTx, recording
 * the mode.  foo_disable_irqs() frees the table only in MSI-X mode, a
 * state the fallback ruled out: no finding.  The bad driver's disable
 * path frees the table whatever the mode, so after the fallback it frees
 * it a second time.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

enum foo_int_mode { FOO_INT_INTX, FOO_INT_MSI, FOO_INT_MSIX };

struct foo_int_params {
	struct msix_entry *msix_table;
	int nvec;
	enum foo_int_mode mode;
};

struct foo_dev {
	struct pci_dev *pdev;
	struct foo_int_params ip;
};

int foo_set_int_mode(struct foo_dev *fd)
{
	struct foo_int_params *ip = &fd->ip;
	int rc;

	ip->msix_table = kcalloc(ip->nvec, sizeof(*ip->msix_table), GFP_KERNEL);
	if (!ip->msix_table)
		return -ENOMEM;
	rc = pci_enable_msix_exact(fd->pdev, ip->msix_table, ip->nvec);
	if (!rc) {
		ip->mode = FOO_INT_MSIX;
		return 0;
	}
	kfree(ip->msix_table);
	ip->mode = FOO_INT_INTX;
	return 0;
}

void foo_disable_irqs(struct foo_dev *fd)
{
	if (fd->ip.mode == FOO_INT_MSIX) {
		pci_disable_msix(fd->pdev);
		kfree(fd->ip.msix_table);
	}
}

struct foo_bad_int_params {
	struct msix_entry *msix_table;
	int nvec;
	enum foo_int_mode mode;
};

struct foo_bad_dev {
	struct pci_dev *pdev;
	struct foo_bad_int_params ip;
};

int foo_bad_set_int_mode(struct foo_bad_dev *fd)
{
	struct foo_bad_int_params *ip = &fd->ip;
	int rc;

	ip->msix_table = kcalloc(ip->nvec, sizeof(*ip->msix_table), GFP_KERNEL);
	if (!ip->msix_table)
		return -ENOMEM;
	rc = pci_enable_msix_exact(fd->pdev, ip->msix_table, ip->nvec);
	if (!rc) {
		ip->mode = FOO_INT_MSIX;
		return 0;
	}
	kfree(ip->msix_table);
	ip->mode = FOO_INT_INTX;
	return 0;
}

void foo_bad_disable_irqs(struct foo_bad_dev *fd)
{
	if (fd->ip.mode == FOO_INT_MSIX)
		pci_disable_msix(fd->pdev);
	kfree(fd->ip.msix_table); /* expect: double-free */
}

MODULE_LICENSE("GPL");
