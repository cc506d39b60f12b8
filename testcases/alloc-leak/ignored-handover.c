// SPDX-License-Identifier: GPL-2.0
/*
 * A handover that happens only where the call succeeds, called as a
 * statement (iommu.c iommu_init(): bus_register_notifier(bus, &nb[i])
 * with its result dropped): the caller takes the handover as made, and
 * an ignored failure is not a leak to report (silent).  A caller that
 * tests the result and returns the error leaks the block it did not
 * hand over (reported), whether the summary (bus_register_notifier(),
 * kernel core) or a rules line (`owner ... when=success`,
 * usb_submit_urb()) says when the handover happens.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/notifier.h>
#include <linux/usb.h>

static int qq_notify(struct notifier_block *nb, unsigned long action,
		     void *data)
{
	return NOTIFY_DONE;
}

static int __init qq_watch(void)
{
	struct notifier_block *nb = kzalloc(sizeof(*nb), GFP_KERNEL);

	if (!nb)
		return -ENOMEM;
	nb->notifier_call = qq_notify;
	bus_register_notifier(&platform_bus_type, nb);
	return 0;
}

int qq_watch_bad(void)
{
	struct notifier_block *nb = kzalloc(sizeof(*nb), GFP_KERNEL);
	int err;

	if (!nb)
		return -ENOMEM;
	nb->notifier_call = qq_notify;
	err = bus_register_notifier(&platform_bus_type, nb);
	if (err)
		return err; /* expect: alloc-leak */
	return 0;
}

void qq_kick(struct usb_device *udev, unsigned int pipe)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);

	if (!urb)
		return;
	usb_fill_bulk_urb(urb, udev, pipe, NULL, 0, NULL, NULL);
	usb_submit_urb(urb, GFP_KERNEL);
}

int qq_kick_bad(struct usb_device *udev, unsigned int pipe)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	int err;

	if (!urb)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, pipe, NULL, 0, NULL, NULL);
	err = usb_submit_urb(urb, GFP_KERNEL);
	if (err)
		return err; /* expect: alloc-leak */
	return 0;
}

module_init(qq_watch);
MODULE_LICENSE("GPL");
