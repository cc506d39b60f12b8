// SPDX-License-Identifier: GPL-2.0
/*
 * KMB capture engine: teardown of what kmb_xfd_probe.c allocated
 * (kmb_xfd_probe_hw(): the ring has order KMB_XFD_RING_ORDER, the log is
 * vmalloc memory).
 */

#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>

#include "kmb_xfd.h"

/* .remove of the platform driver (kmb_xfd_probe.c) */
int kmb_xfd_remove(struct platform_device *pdev)
{
	struct kmb_xfd *xd = platform_get_drvdata(pdev);

	del_timer_sync(&xd->poll_timer);
	cancel_work_sync(&xd->log_work);
	free_page(xd->ring);
	kfree(xd->log);
	kfree(xd->regs_shadow);
	kfree(xd->last);
	return 0;
}

/* The buffers dropped on a reset, done right. */
void kmb_xfd_drop_buffers(struct kmb_xfd *xd)
{
	free_pages(xd->ring, KMB_XFD_RING_ORDER);
	xd->ring = 0;
	vfree(xd->log);
	xd->log = NULL;
}
