// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (agp amd64-agp.c agp_amd64_probe() with backend.c
 * agp_add_bridge(), drivers/char scan): a helper frees the bridge on
 * every error path and returns the error, -EINVAL or what
 * foo_frontend_init() returned, the result of misc_register(), whose
 * sign the engine cannot see.  The probe tests `if (err < 0)`.  By the
 * kernel's convention an int error code is a -errno, so the helper's
 * non-zero returns are negative (ret-neg) and the probe's success path
 * is the one where the helper kept the bridge: foo_remove() frees it
 * once.
 *
 * Twin: bar_add_bridge() frees the bridge and returns 1 where the table
 * is full, which bar_probe()'s `if (err < 0)` takes for success.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <linux/miscdevice.h>

struct foo_bridge {
	struct pci_dev *dev;
	struct list_head list;
};

static LIST_HEAD(foo_bridges);
static struct miscdevice foo_miscdev;

static int foo_frontend_init(void)
{
	return misc_register(&foo_miscdev);
}

static int foo_add_bridge(struct foo_bridge *b)
{
	int error;

	if (!b->dev) {
		error = -EINVAL;
		goto err_put;
	}
	if (list_empty(&foo_bridges)) {
		error = foo_frontend_init();
		if (error)
			goto err_put;
	}
	list_add(&b->list, &foo_bridges);
	return 0;

err_put:
	kfree(b);
	return error;
}

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_bridge *b;
	int err;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->dev = pdev;
	pci_set_drvdata(pdev, b);
	err = foo_add_bridge(b);
	if (err < 0)
		return err;
	return 0;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo_bridge *b = pci_get_drvdata(pdev);

	list_del(&b->list);
	kfree(b);
}

static int bar_nr;
static struct foo_bridge *bar_bridge;

static int bar_add_bridge(struct foo_bridge *b)
{
	int error;

	if (bar_nr >= 4) {
		kfree(b);
		return 1;
	}
	error = foo_frontend_init();
	if (error)
		goto err_put;
	bar_nr++;
	return 0;

err_put:
	kfree(b);
	return error;
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_bridge *b;
	int err;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->dev = pdev;
	bar_bridge = b;
	err = bar_add_bridge(b);
	if (err < 0)
		return err;
	return 0;
}

static void bar_remove(struct pci_dev *pdev)
{
	kfree(bar_bridge); /* expect: double-free */
}

static struct pci_driver bar_driver = {
	.name = "bar",
	.probe = bar_probe,
	.remove = bar_remove,
};

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
static int __init foo_init(void)
{
	int err = pci_register_driver(&foo_driver);

	if (err)
		return err;
	err = pci_register_driver(&bar_driver);
	if (err)
		pci_unregister_driver(&foo_driver);
	return err;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	pci_unregister_driver(&bar_driver);
	pci_unregister_driver(&foo_driver);
}
module_exit(foo_exit);
MODULE_LICENSE("GPL");
