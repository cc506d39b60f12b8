// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/intel/ice/ice_switch.c,
 * ice_add_adv_rule()): a lookup returns either an entry of a static
 * table or a block a helper made, and the helper marks its own blocks
 * with a flag bit (profile->match |= ICE_PKT_KMALLOC).  The caller frees
 * the profile only when that bit is set: the path that skips the free
 * with a fresh block does not exist, because every fresh block the
 * lookup returns has the bit.  foo_add_rule() is silent.
 * bar_add_rule() tests a bit the helper never sets: the fresh block is
 * lost at its return.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/bits.h>

#define FOO_PKT_VLAN	BIT(1)
#define FOO_PKT_KMALLOC	BIT(9)

struct foo_profile {
	const u8 *pkt;
	u16 pkt_len;
	u32 match;
};

static const u8 foo_pkt[16];
static const struct foo_profile foo_profiles[2] = {
	{ foo_pkt, 16, 0 },
	{ foo_pkt, 16, FOO_PKT_VLAN },
};

static struct foo_profile *foo_profile_add_vlan(const struct foo_profile *base)
{
	struct foo_profile *profile;
	u8 *pkt;

	pkt = kzalloc(base->pkt_len + 4, GFP_KERNEL);
	if (!pkt)
		return ERR_PTR(-ENOMEM);
	memcpy(pkt + 4, base->pkt, base->pkt_len);

	profile = kzalloc(sizeof(*profile), GFP_KERNEL);
	if (!profile) {
		kfree(pkt);
		return ERR_PTR(-ENOMEM);
	}
	profile->pkt = pkt;
	profile->pkt_len = base->pkt_len + 4;
	profile->match |= FOO_PKT_KMALLOC;
	return profile;
}

static const struct foo_profile *foo_find_profile(int type, int vlans)
{
	const struct foo_profile *ret = &foo_profiles[type & 1];

	if (!vlans)
		return ret;
	return foo_profile_add_vlan(ret);
}

int foo_add_rule(int type, int vlans, u8 *out)
{
	const struct foo_profile *profile;
	int status = 0;

	profile = foo_find_profile(type, vlans);
	if (IS_ERR(profile))
		return PTR_ERR(profile);
	if (profile->pkt_len > 32) {
		status = -EINVAL;
		goto free_profile;
	}
	memcpy(out, profile->pkt, profile->pkt_len);
free_profile:
	if (profile->match & FOO_PKT_KMALLOC) {
		kfree(profile->pkt);
		kfree(profile);
	}
	return status;
}
EXPORT_SYMBOL_GPL(foo_add_rule);

#define BAR_PKT_KMALLOC	BIT(9)
#define BAR_PKT_OWNED	BIT(10)

struct bar_profile {
	const u8 *pkt;
	u16 pkt_len;
	u32 match;
};

static const u8 bar_pkt[16];
static const struct bar_profile bar_profiles[2] = {
	{ bar_pkt, 16, 0 },
	{ bar_pkt, 16, 0 },
};

static struct bar_profile *bar_profile_add_vlan(const struct bar_profile *base)
{
	struct bar_profile *profile;

	profile = kzalloc(sizeof(*profile), GFP_KERNEL);
	if (!profile)
		return ERR_PTR(-ENOMEM);
	profile->pkt = base->pkt;
	profile->pkt_len = base->pkt_len;
	profile->match |= BAR_PKT_KMALLOC;
	return profile;
}

static const struct bar_profile *bar_find_profile(int type, int vlans)
{
	const struct bar_profile *ret = &bar_profiles[type & 1];

	if (!vlans)
		return ret;
	return bar_profile_add_vlan(ret);
}

int bar_add_rule(int type, int vlans, u8 *out)
{
	const struct bar_profile *profile;

	profile = bar_find_profile(type, vlans);
	if (IS_ERR(profile))
		return PTR_ERR(profile);
	memcpy(out, profile->pkt, min_t(u16, profile->pkt_len, 32));
	/* the wrong bit: the helper marks its blocks BAR_PKT_KMALLOC */
	if (profile->match & BAR_PKT_OWNED)
		kfree(profile);
	return 0; /* expect: alloc-leak */
}
EXPORT_SYMBOL_GPL(bar_add_rule);

MODULE_LICENSE("GPL");
