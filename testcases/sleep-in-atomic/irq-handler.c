// SPDX-License-Identifier: GPL-2.0
/*
 * A hard irq handler (request_irq) runs in atomic context: GFP_KERNEL in
 * it may sleep.  The good handler allocates with GFP_ATOMIC.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/io.h>

struct foo_dev {
	void __iomem *regs;
	u32 *snap;
	int irq_a, irq_b;
};

static irqreturn_t foo_irq_bad(int irq, void *data)
{
	struct foo_dev *fd = data;
	u32 *snap = kmalloc(sizeof(*snap), GFP_KERNEL); /* expect: sleep-in-atomic:medium */

	if (!snap)
		return IRQ_NONE;
	*snap = readl(fd->regs);
	kfree(fd->snap);
	fd->snap = snap;
	return IRQ_HANDLED;
}

static irqreturn_t foo_irq_good(int irq, void *data)
{
	struct foo_dev *fd = data;
	u32 *snap = kmalloc(sizeof(*snap), GFP_ATOMIC);

	if (!snap)
		return IRQ_NONE;
	*snap = readl(fd->regs + 4);
	kfree(fd->snap);
	fd->snap = snap;
	return IRQ_HANDLED;
}

int foo_setup_irqs(struct foo_dev *fd)
{
	int ret;

	ret = request_irq(fd->irq_a, foo_irq_bad, 0, "foo-a", fd);
	if (ret)
		return ret;
	ret = request_irq(fd->irq_b, foo_irq_good, IRQF_SHARED, "foo-b", fd);
	if (ret)
		free_irq(fd->irq_a, fd);
	return ret;
}
MODULE_LICENSE("GPL");
