// SPDX-License-Identifier: GPL-2.0
/*
 * Atomic regions without a lock: preempt_disable(), local_irq_save(),
 * local_bh_disable(), get_cpu(), rcu_read_lock().  A GFP_KERNEL
 * allocation inside each is a bug; after the matching enable it is not.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/smp.h>
#include <linux/rcupdate.h>

struct foo_dev {
	void *buf[5];
	int cpu;
};

void foo_regions_bad(struct foo_dev *fd)
{
	unsigned long flags;

	preempt_disable();
	fd->buf[0] = kmalloc(8, GFP_KERNEL); /* expect: sleep-in-atomic */
	preempt_enable();

	local_irq_save(flags);
	fd->buf[1] = kmalloc(8, GFP_KERNEL); /* expect: sleep-in-atomic */
	local_irq_restore(flags);

	local_bh_disable();
	fd->buf[2] = kmalloc(8, GFP_KERNEL); /* expect: sleep-in-atomic */
	local_bh_enable();

	fd->cpu = get_cpu();
	fd->buf[3] = kmalloc(8, GFP_KERNEL); /* expect: sleep-in-atomic */
	put_cpu();

	rcu_read_lock();
	fd->buf[4] = kmalloc(8, GFP_KERNEL); /* expect: sleep-in-atomic */
	rcu_read_unlock();
}

void foo_regions_good(struct foo_dev *fd)
{
	unsigned long flags;

	preempt_disable();
	fd->cpu = smp_processor_id();
	preempt_enable();
	fd->buf[0] = kmalloc(8, GFP_KERNEL);

	local_irq_save(flags);
	fd->buf[1] = kmalloc(8, GFP_ATOMIC);
	local_irq_restore(flags);

	local_bh_disable();
	fd->cpu++;
	local_bh_enable();
	fd->buf[2] = kmalloc(8, GFP_KERNEL);

	fd->cpu = get_cpu();
	put_cpu();
	fd->buf[3] = kmalloc(8, GFP_KERNEL);

	rcu_read_lock();
	fd->buf[4] = kmalloc(8, GFP_NOWAIT);
	rcu_read_unlock();
}
MODULE_LICENSE("GPL");
