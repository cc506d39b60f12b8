// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of per-CPU memory: the bad init returns when the second
 * allocation fails without free_percpu() of the first; the good one
 * unwinds it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/percpu.h>

struct foo_stats {
	u64 packets;
	u64 bytes;
};

struct foo_priv {
	struct foo_stats __percpu *stats;
	int *table;
};

int foo_bad_init(struct foo_priv *priv)
{
	struct foo_stats __percpu *stats = alloc_percpu(struct foo_stats);

	if (!stats)
		return -ENOMEM;
	priv->table = kcalloc(16, sizeof(int), GFP_KERNEL);
	if (!priv->table)
		return -ENOMEM; /* expect: alloc-leak */
	priv->stats = stats;
	return 0;
}

int foo_good_init(struct foo_priv *priv)
{
	struct foo_stats __percpu *stats = alloc_percpu(struct foo_stats);

	if (!stats)
		return -ENOMEM;
	priv->table = kcalloc(16, sizeof(int), GFP_KERNEL);
	if (!priv->table) {
		free_percpu(stats);
		return -ENOMEM;
	}
	priv->stats = stats;
	return 0;
}

MODULE_LICENSE("GPL");
