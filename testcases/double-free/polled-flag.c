// SPDX-License-Identifier: GPL-2.0
/*
 * double-free: a polling loop (acenic's ace_init()).  foo_init() sets
 * ap->fw_running to 0, starts the firmware and spins with cpu_relax()
 * until the interrupt handler sets the flag or 3 s pass.  A loop whose
 * body writes no memory and calls nothing with a pointer waits for
 * someone else to change what its test reads: the test reads the flag as
 * unknown, not as the 0 stored before, so the success return is
 * reachable.  Without that, every return of foo_init() failed and freed
 * the trace buffer, and probe's cleanup after register_netdev() failed
 * was a second free.  foo_bad_init() frees the trace buffer when it
 * fails, and its probe frees it again.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/interrupt.h>

struct foo_priv {
	int fw_running;
	u32 *trace_buf;
	void __iomem *regs;
};

int foo_fw_status(void __iomem *regs);

/* the firmware's error code, 0 when it reports none */
int foo_fw_status(void __iomem *regs)
{
	return -(int)(ioread32(regs) & 0xff);
}

static irqreturn_t foo_interrupt(int irq, void *data)
{
	struct foo_priv *ap = data;

	ap->fw_running = 1;
	return IRQ_HANDLED;
}

static void foo_init_cleanup(struct foo_priv *ap)
{
	kfree(ap->trace_buf);
}

static int foo_init(struct foo_priv *ap, int irq)
{
	unsigned long myjif;
	int ecode;

	ap->fw_running = 0;
	ecode = request_irq(irq, foo_interrupt, IRQF_SHARED, "foo", ap);
	if (ecode)
		goto init_error;
	writel(1, ap->regs);
	myjif = jiffies + 3 * HZ;
	while (time_before(jiffies, myjif) && !ap->fw_running)
		cpu_relax();
	if (!ap->fw_running) {
		ecode = foo_fw_status(ap->regs);
		goto init_error_irq;
	}
	return 0;

init_error_irq:
	free_irq(irq, ap);
init_error:
	foo_init_cleanup(ap);
	return ecode;
}

int foo_probe(struct net_device *dev, int irq)
{
	struct foo_priv *ap = netdev_priv(dev);

	ap->trace_buf = kzalloc(64, GFP_KERNEL);
	if (!ap->trace_buf)
		return -ENOMEM;
	if (foo_init(ap, irq))
		return -ENODEV;
	if (register_netdev(dev))
		goto fail_uninit;
	return 0;

fail_uninit:
	foo_init_cleanup(ap);
	return -ENODEV;
}

struct foo_bad_priv {
	u32 *trace_buf;
	void __iomem *regs;
};

static void foo_bad_init_cleanup(struct foo_bad_priv *ap)
{
	kfree(ap->trace_buf);
}

static int foo_bad_init(struct foo_bad_priv *ap)
{
	int ecode = foo_fw_status(ap->regs);

	if (ecode)
		foo_bad_init_cleanup(ap);
	return ecode;
}

int foo_bad_probe(struct net_device *dev)
{
	struct foo_bad_priv *ap = netdev_priv(dev);

	ap->trace_buf = kzalloc(64, GFP_KERNEL);
	if (!ap->trace_buf)
		return -ENOMEM;
	if (foo_bad_init(ap)) {
		foo_bad_init_cleanup(ap); /* expect: double-free:medium */
		return -ENODEV;
	}
	return register_netdev(dev);
}

MODULE_LICENSE("GPL");
