// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch on per-CPU memory: alloc_percpu() returns a per-CPU
 * cookie, not a slab block, so kfree() of it is wrong (free_percpu());
 * devm_alloc_percpu() memory released with free_percpu() in a probe
 * error path is freed again by devres at unbind.  The good functions
 * use free_percpu() and nothing (or devm_free_percpu()).
 */
#include <linux/module.h>
#include <linux/device.h>
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
	if (!priv->table) {
		kfree(stats); /* expect: free-mismatch */
		return -ENOMEM;
	}
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

int foo_bad_probe(struct device *dev, struct foo_priv *priv)
{
	struct foo_stats __percpu *stats = devm_alloc_percpu(dev, struct foo_stats);

	if (!stats)
		return -ENOMEM;
	priv->table = devm_kcalloc(dev, 16, sizeof(int), GFP_KERNEL);
	if (!priv->table) {
		free_percpu(stats); /* expect: free-mismatch */
		return -ENOMEM;
	}
	priv->stats = stats;
	return 0;
}

int foo_good_probe(struct device *dev, struct foo_priv *priv)
{
	struct foo_stats __percpu *stats = devm_alloc_percpu(dev, struct foo_stats);

	if (!stats)
		return -ENOMEM;
	priv->table = devm_kcalloc(dev, 16, sizeof(int), GFP_KERNEL);
	if (!priv->table) {
		devm_free_percpu(dev, stats);
		return -ENOMEM;
	}
	priv->stats = stats;
	return 0;
}

MODULE_LICENSE("GPL");
