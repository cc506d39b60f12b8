// SPDX-License-Identifier: GPL-2.0
/*
 * A constructor that reports failure with ERR_PTR() and passes on what
 * another constructor returned after testing it with IS_ERR(), as
 * __devm_regmap_init() does with __regmap_init(): the pointer it returns
 * is never NULL, so its callers, who test IS_ERR() only, are right. The
 * flagged twin returns NULL when its first allocation fails.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/err.h>

struct foo_map {
	int reg;
};

static struct foo_map *foo_map_init(int reg)
{
	struct foo_map *m;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return ERR_PTR(-ENOMEM);
	m->reg = reg;
	return m;
}

static void foo_map_release(struct device *dev, void *res)
{
	kfree(*(struct foo_map **)res);
}

static struct foo_map *foo_devm_map_init(struct device *dev, int reg)
{
	struct foo_map **ptr, *map;

	ptr = devres_alloc(foo_map_release, sizeof(*ptr), GFP_KERNEL);
	if (!ptr)
		return ERR_PTR(-ENOMEM);
	map = foo_map_init(reg);
	if (!IS_ERR(map)) {
		*ptr = map;
		devres_add(dev, ptr);
	} else {
		devres_free(ptr);
	}
	return map;
}

int foo_probe_good(struct device *dev)
{
	struct foo_map *map = foo_devm_map_init(dev, 4);

	if (IS_ERR(map))
		return PTR_ERR(map);
	return map->reg;
}

static struct foo_map *foo_map_init_null(int reg)
{
	struct foo_map *m;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return NULL;
	m->reg = reg;
	return m;
}

int foo_probe_bad(void)
{
	struct foo_map *map = foo_map_init_null(4);
	int reg;

	if (IS_ERR(map))
		return PTR_ERR(map);
	reg = map->reg; /* expect: unchecked-alloc */
	kfree(map);
	return reg;
}

MODULE_LICENSE("GPL");
