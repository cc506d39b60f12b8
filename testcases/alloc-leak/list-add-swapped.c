// SPDX-License-Identifier: GPL-2.0
/*
 * list_add() links both of its arguments into one ring.  A driver that
 * gathers its PHYs passes its own head as the "new" entry and the fresh
 * PHY's node as the "head" (drivers/net/ethernet/sis/sis190.c
 * sis190_mii_probe(): list_add(&tp->first_phy, &phy->list)): the PHY is
 * then reachable from tp, which outlives the call (rules/owner.rules:
 * `owner list_add arg=0 link=1`).  foo_probe_phys_bad() leaks the PHY
 * it skips without linking it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct foo_phy {
	struct list_head list;
	int id;
	u16 status;
};

struct foo_priv {
	struct list_head first_phy;
	u16 (*read_status)(struct foo_priv *tp, int id);
};

int foo_probe_phys_bad(struct foo_priv *tp)
{
	int id;

	INIT_LIST_HEAD(&tp->first_phy);
	for (id = 0; id < 32; id++) {
		struct foo_phy *phy = kmalloc(sizeof(*phy), GFP_KERNEL);

		if (!phy)
			return -ENOMEM;
		phy->id = id;
		phy->status = tp->read_status(tp, id);
		if (phy->status == 0xffff)
			continue; /* expect: alloc-leak */
		list_add(&tp->first_phy, &phy->list);
	}
	return 0;
}

int foo_probe_phys_good(struct foo_priv *tp)
{
	int id;

	INIT_LIST_HEAD(&tp->first_phy);
	for (id = 0; id < 32; id++) {
		struct foo_phy *phy = kmalloc(sizeof(*phy), GFP_KERNEL);

		if (!phy)
			return -ENOMEM;
		phy->id = id;
		phy->status = tp->read_status(tp, id);
		list_add(&tp->first_phy, &phy->list);
	}
	return 0;
}

MODULE_LICENSE("GPL");
