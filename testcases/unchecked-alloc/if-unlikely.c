// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the check is wrapped in unlikely(), which expands to
 * __builtin_expect(!!(x), 0): the analyzer must see through it.
 * foo_bad() uses unlikely() on the wrong condition.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_stats {
	u64 rx_packets;
	u64 tx_packets;
};

struct foo_port {
	int nr;
	struct foo_stats *stats;
};

int foo_port_stats_bad(struct foo_port *port)
{
	struct foo_stats *stats = kzalloc(sizeof(*stats), GFP_KERNEL);

	if (unlikely(port->nr < 0))
		pr_warn("foo: port without number\n");
	stats->rx_packets = 0; /* expect: unchecked-alloc */
	port->stats = stats;
	return 0;
}

int foo_port_stats_good(struct foo_port *port)
{
	struct foo_stats *stats = kzalloc(sizeof(*stats), GFP_KERNEL);

	if (unlikely(!stats))
		return -ENOMEM;
	stats->rx_packets = 0;
	port->stats = stats;
	return 0;
}

MODULE_LICENSE("GPL");
