// SPDX-License-Identifier: GPL-2.0
/*
 * Tasklets run in softirq context: GFP_KERNEL in one (tasklet_setup) is
 * a bug; GFP_ATOMIC in another (tasklet_init) is correct.
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

struct foo_dev {
	struct tasklet_struct rx, tx;
	void *rx_buf, *tx_buf;
};

static void foo_rx_tasklet(struct tasklet_struct *t)
{
	struct foo_dev *fd = from_tasklet(fd, t, rx);
	void *p = kmalloc(256, GFP_KERNEL); /* expect: sleep-in-atomic */

	kfree(fd->rx_buf);
	fd->rx_buf = p;
}

static void foo_tx_tasklet(unsigned long data)
{
	struct foo_dev *fd = (struct foo_dev *)data;
	void *p = kmalloc(256, GFP_ATOMIC);

	kfree(fd->tx_buf);
	fd->tx_buf = p;
}

void foo_init_tasklets(struct foo_dev *fd)
{
	tasklet_setup(&fd->rx, foo_rx_tasklet);
	tasklet_init(&fd->tx, foo_tx_tasklet, (unsigned long)fd);
}
MODULE_LICENSE("GPL");
