// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/hid scan, 16 findings: lg4ff, picolcd, the Apple
 * battery timers): hid_hw_request() calls the transport's ->request()
 * and falls back to __hid_request() only for a transport without one
 * (i2c-hid, uhid, hidp).  __hid_request() allocates with GFP_KERNEL and
 * waits for the raw request; usbhid's ->request() queues the report
 * under a spinlock, and the drivers that call hid_hw_request() under a
 * lock or from a timer drive USB devices.  rules/sleep.rules says so
 * (`sleep __hid_request context=nonatomic`): the fallback does not
 * sleep in atomic context, as seen from a driver in a scan of
 * drivers/hid where hid-core.c is analysed too.  The two functions are
 * written here as hid-core.c has them (hid_alloc_report_buf() is the
 * kzalloc() of the report's length plus 7).
 *
 * Twin: the same shape with a fallback of this file's own (sleeps).
 */
#include <linux/module.h>
#include <linux/hid.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

int __hid_request(struct hid_device *hid, struct hid_report *report,
		  enum hid_class_request reqtype)
{
	char *buf;
	int ret;

	buf = kzalloc(hid_report_len(report) + 7, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = hid_hw_raw_request(hid, report->id, buf, hid_report_len(report),
				 report->type, reqtype);
	kfree(buf);
	return ret < 0 ? ret : 0;
}

void hid_hw_request(struct hid_device *hdev, struct hid_report *report,
		    enum hid_class_request reqtype)
{
	if (hdev->ll_driver->request)
		return hdev->ll_driver->request(hdev, report, reqtype);

	__hid_request(hdev, report, reqtype);
}

struct foo_led {
	spinlock_t lock;
	struct hid_device *hdev;
	struct hid_report *report;
	u8 state;
};

void foo_led_set(struct foo_led *led, u8 state)
{
	unsigned long flags;

	spin_lock_irqsave(&led->lock, flags);
	led->state = state;
	led->report->field[0]->value[0] = state;
	hid_hw_request(led->hdev, led->report, HID_REQ_SET_REPORT);
	spin_unlock_irqrestore(&led->lock, flags);
}

/* a fallback of the driver's own, which sleeps */
static int foo_request_sync(struct hid_device *hid, struct hid_report *report,
			    enum hid_class_request reqtype)
{
	char *buf;
	int ret;

	buf = kzalloc(hid_report_len(report) + 7, GFP_KERNEL); /* expect: sleep-in-atomic */
	if (!buf)
		return -ENOMEM;
	ret = hid_hw_raw_request(hid, report->id, buf, hid_report_len(report),
				 report->type, reqtype);
	kfree(buf);
	return ret < 0 ? ret : 0;
}

static void foo_hw_request(struct hid_device *hdev, struct hid_report *report,
			   enum hid_class_request reqtype)
{
	if (hdev->ll_driver->request)
		return hdev->ll_driver->request(hdev, report, reqtype);

	foo_request_sync(hdev, report, reqtype);
}

void foo_led_set_own(struct foo_led *led, u8 state)
{
	unsigned long flags;

	spin_lock_irqsave(&led->lock, flags);
	led->state = state;
	led->report->field[0]->value[0] = state;
	foo_hw_request(led->hdev, led->report, HID_REQ_SET_REPORT);
	spin_unlock_irqrestore(&led->lock, flags);
}

MODULE_LICENSE("GPL");
