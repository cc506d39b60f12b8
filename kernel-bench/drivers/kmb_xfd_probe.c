// SPDX-License-Identifier: GPL-2.0
/*
 * KMB capture engine: probe.  Allocates what kmb_xfd_remove.c frees and
 * registers the callbacks of kmb_xfd_irq.c.
 */

#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/property.h>

#include "kmb_xfd.h"

int kmb_xfd_probe_hw(struct kmb_xfd *xd)
{
	xd->ring = __get_free_pages(GFP_KERNEL, KMB_XFD_RING_ORDER);
	if (!xd->ring)
		return -ENOMEM;
	xd->log = vmalloc(KMB_XFD_LOG_SIZE);
	if (!xd->log)
		goto err_ring;
	xd->regs_shadow = kcalloc(64, sizeof(u32), GFP_KERNEL);
	if (!xd->regs_shadow)
		goto err_log;
	spin_lock_init(&xd->lock);
	timer_setup(&xd->poll_timer, kmb_xfd_poll, 0);
	INIT_WORK(&xd->log_work, kmb_xfd_log_work);
	return 0;
err_log:
	vfree(xd->log);
err_ring:
	free_pages(xd->ring, KMB_XFD_RING_ORDER);
	return -ENOMEM;
}

/* An event noted with the device lock held: the helper sleeps. */
static void kmb_xfd_start(struct kmb_xfd *xd)
{
	unsigned long flags;

	spin_lock_irqsave(&xd->lock, flags);
	kmb_xfd_note_event(xd, 1);
	spin_unlock_irqrestore(&xd->lock, flags);
	mod_timer(&xd->poll_timer, jiffies + HZ);
}

/* The same, with the helper that does not sleep. */
static void kmb_xfd_restart(struct kmb_xfd *xd)
{
	unsigned long flags;

	spin_lock_irqsave(&xd->lock, flags);
	kmb_xfd_note_event_atomic(xd, 2);
	spin_unlock_irqrestore(&xd->lock, flags);
	mod_timer(&xd->poll_timer, jiffies + HZ);
}

static int kmb_xfd_probe(struct platform_device *pdev)
{
	struct kmb_xfd *xd;
	int ret;

	xd = devm_kzalloc(&pdev->dev, sizeof(*xd), GFP_KERNEL);
	if (!xd)
		return -ENOMEM;
	xd->dev = &pdev->dev;
	ret = kmb_xfd_probe_hw(xd);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, xd);
	kmb_xfd_start(xd);
	if (device_property_present(&pdev->dev, "kmb,reset-on-probe")) {
		kmb_xfd_drop_buffers(xd);
		ret = kmb_xfd_probe_hw(xd);
		if (ret)
			return ret;
		kmb_xfd_restart(xd);
	}
	return 0;
}

static const struct of_device_id kmb_xfd_of_match[] = {
	{ .compatible = "kmb,xfd" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_xfd_of_match);

static struct platform_driver kmb_xfd_driver = {
	.probe = kmb_xfd_probe,
	.remove = kmb_xfd_remove,
	.driver = {
		.name = "kmb-xfd",
		.of_match_table = kmb_xfd_of_match,
	},
};
module_platform_driver(kmb_xfd_driver);

MODULE_DESCRIPTION("KMB capture engine (three files)");
MODULE_LICENSE("GPL");
