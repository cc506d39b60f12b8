// SPDX-License-Identifier: GPL-2.0
/*
 * request_threaded_irq(): the primary handler runs in hard irq context,
 * the thread function in process context, where GFP_KERNEL and a mutex
 * are fine.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>

struct foo_dev {
	struct mutex lock;
	void *event;
	int irq;
};

static irqreturn_t foo_hardirq(int irq, void *data)
{
	struct foo_dev *fd = data;

	fd->event = kzalloc(32, GFP_KERNEL); /* expect: sleep-in-atomic */
	return IRQ_WAKE_THREAD;
}

static irqreturn_t foo_thread(int irq, void *data)
{
	struct foo_dev *fd = data;
	void *ev = kzalloc(32, GFP_KERNEL);

	mutex_lock(&fd->lock);
	kfree(fd->event);
	fd->event = ev;
	mutex_unlock(&fd->lock);
	return IRQ_HANDLED;
}

int foo_setup(struct foo_dev *fd)
{
	return request_threaded_irq(fd->irq, foo_hardirq, foo_thread,
				    IRQF_ONESHOT, "foo", fd);
}
MODULE_LICENSE("GPL");
