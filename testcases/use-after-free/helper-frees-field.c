// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free across functions: the local helper foo_rx_stop() frees
 * the receive buffer, p->rx_buf, and the caller foo_suspend_bad() then
 * clears it with memset(p->rx_buf, ...). The finding belongs on the use
 * in the caller. foo_suspend_good() clears the buffer before stopping.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_port {
	u8 *rx_buf;
	size_t rx_len;
	bool rx_on;
};

int foo_rx_start(struct foo_port *p, size_t len)
{
	p->rx_buf = kmalloc(len, GFP_KERNEL);
	if (!p->rx_buf)
		return -ENOMEM;
	p->rx_len = len;
	p->rx_on = true;
	return 0;
}

static void foo_rx_stop(struct foo_port *p)
{
	p->rx_on = false;
	kfree(p->rx_buf);
}

void foo_suspend_bad(struct foo_port *p)
{
	foo_rx_stop(p);
	memset(p->rx_buf, 0, p->rx_len); /* expect: use-after-free:medium */
	p->rx_buf = NULL;
}

void foo_suspend_good(struct foo_port *p)
{
	memset(p->rx_buf, 0, p->rx_len);
	foo_rx_stop(p);
	p->rx_buf = NULL;
}

MODULE_LICENSE("GPL");
