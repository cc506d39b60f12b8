// SPDX-License-Identifier: GPL-2.0
/*
 * devm_request_threaded_irq(): the primary handler calls a helper that
 * sleeps (a mutex, a GFP_KERNEL allocation): reported in the helper.  The
 * thread function calls helpers of its own that do the same, in process
 * context: silent.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct foo_chip {
	struct device *dev;
	struct mutex io_lock;
	u32 status;
	void *event;
};

static u32 foo_read_status(struct foo_chip *chip)
{
	u32 v;

	mutex_lock(&chip->io_lock); /* expect: sleep-in-atomic */
	v = chip->status;
	mutex_unlock(&chip->io_lock);
	return v;
}

static irqreturn_t foo_irq(int irq, void *data)
{
	struct foo_chip *chip = data;

	if (!foo_read_status(chip))
		return IRQ_NONE;
	return IRQ_WAKE_THREAD;
}

static u32 foo_thread_read_status(struct foo_chip *chip)
{
	u32 v;

	mutex_lock(&chip->io_lock);
	v = chip->status;
	mutex_unlock(&chip->io_lock);
	return v;
}

static void *foo_thread_event(struct foo_chip *chip)
{
	return kzalloc(64, GFP_KERNEL);
}

static irqreturn_t foo_irq_thread(int irq, void *data)
{
	struct foo_chip *chip = data;

	if (!foo_thread_read_status(chip))
		return IRQ_NONE;
	kfree(chip->event);
	chip->event = foo_thread_event(chip);
	return IRQ_HANDLED;
}

int foo_probe_irq(struct foo_chip *chip, int irq)
{
	mutex_init(&chip->io_lock);
	return devm_request_threaded_irq(chip->dev, irq, foo_irq,
					 foo_irq_thread, IRQF_ONESHOT,
					 "foo", chip);
}
MODULE_LICENSE("GPL");
