// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the unchecked pointer is passed to memset().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FOO_NR_REGS	64

struct foo_priv {
	u32 *regcache;
};

int foo_regcache_bad(struct foo_priv *priv)
{
	u32 *cache = kmalloc_array(FOO_NR_REGS, sizeof(*cache), GFP_KERNEL);

	memset(cache, 0xff, FOO_NR_REGS * sizeof(*cache)); /* expect: unchecked-alloc */
	priv->regcache = cache;
	return 0;
}

int foo_regcache_good(struct foo_priv *priv)
{
	u32 *cache = kmalloc_array(FOO_NR_REGS, sizeof(*cache), GFP_KERNEL);

	if (!cache)
		return -ENOMEM;
	memset(cache, 0xff, FOO_NR_REGS * sizeof(*cache));
	priv->regcache = cache;
	return 0;
}

MODULE_LICENSE("GPL");
