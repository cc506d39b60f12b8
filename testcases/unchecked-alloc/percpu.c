// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc of per-CPU memory: alloc_percpu() returns NULL on
 * failure, and per_cpu_ptr(NULL, cpu) is an address in no CPU's area.
 * The bad init writes through per_cpu_ptr() without a check; the good
 * one returns -ENOMEM first.
 */
#include <linux/module.h>
#include <linux/percpu.h>

struct foo_stats {
	u64 packets;
	u64 bytes;
};

struct foo_priv {
	struct foo_stats __percpu *stats;
};

int foo_bad_init(struct foo_priv *priv)
{
	struct foo_stats __percpu *stats = alloc_percpu(struct foo_stats);
	int cpu;

	for_each_possible_cpu(cpu)
		per_cpu_ptr(stats, cpu)->packets = 1; /* expect: unchecked-alloc */
	priv->stats = stats;
	return 0;
}

int foo_good_init(struct foo_priv *priv)
{
	struct foo_stats __percpu *stats = alloc_percpu(struct foo_stats);
	int cpu;

	if (!stats)
		return -ENOMEM;
	for_each_possible_cpu(cpu)
		per_cpu_ptr(stats, cpu)->packets = 1;
	priv->stats = stats;
	return 0;
}

MODULE_LICENSE("GPL");
