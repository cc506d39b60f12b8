// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kcalloc() array filled in a loop, `arr[i] = ...`,
 * without a check. Reported once, at the indexing line.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_chan {
	unsigned int nr;
	u16 *map;
};

int foo_map_bad(struct foo_chan *chan, unsigned int nr)
{
	u16 *map = kcalloc(nr, sizeof(*map), GFP_KERNEL);
	unsigned int i;

	for (i = 0; i < nr; i++)
		map[i] = i; /* expect: unchecked-alloc */
	chan->map = map;
	chan->nr = nr;
	return 0;
}

int foo_map_good(struct foo_chan *chan, unsigned int nr)
{
	u16 *map = kcalloc(nr, sizeof(*map), GFP_KERNEL);
	unsigned int i;

	if (!map)
		return -ENOMEM;
	for (i = 0; i < nr; i++)
		map[i] = i;
	chan->map = map;
	chan->nr = nr;
	return 0;
}

MODULE_LICENSE("GPL");
