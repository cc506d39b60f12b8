// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch through a local release helper: foo_rx_buf_free()
 * releases order FOO_RX_ORDER (1), and foo_tx_bad() hands it a buffer of
 * order FOO_TX_ORDER (2). The helper is right for what it was written for;
 * the finding belongs on the call that passes it the wrong block.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#define FOO_RX_ORDER	1
#define FOO_TX_ORDER	2

struct foo_port {
	unsigned long rx_buf;
	size_t rx_len;
};

static void foo_rx_buf_free(unsigned long buf)
{
	free_pages(buf, FOO_RX_ORDER);
}

int foo_tx_bad(const void *data, size_t len)
{
	unsigned long buf = __get_free_pages(GFP_KERNEL, FOO_TX_ORDER);

	if (!buf)
		return -ENOMEM;
	memcpy((void *)buf, data, min_t(size_t, len, PAGE_SIZE << FOO_TX_ORDER));
	foo_rx_buf_free(buf); /* expect: page-order-mismatch:medium */
	return 0;
}

int foo_rx_good(struct foo_port *port, size_t len)
{
	unsigned long buf = __get_free_pages(GFP_KERNEL, FOO_RX_ORDER);

	if (!buf)
		return -ENOMEM;
	if (len > PAGE_SIZE << FOO_RX_ORDER) {
		foo_rx_buf_free(buf);
		return -EINVAL;
	}
	port->rx_buf = buf;
	port->rx_len = len;
	return 0;
}

void foo_rx_exit(struct foo_port *port)
{
	foo_rx_buf_free(port->rx_buf);
	port->rx_buf = 0;
}

MODULE_LICENSE("GPL");
