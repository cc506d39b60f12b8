// SPDX-License-Identifier: GPL-2.0
/*
 * A buffer allocated under a test of a local and freed under the same
 * test of the same, unchanged local: the path that allocated also frees
 * (iwlwifi mvm/d3.c iwl_mvm_wait_d3_notif(): if (wowlan_info_ver < 2)
 * kmemdup() the old layout, parse, if (wowlan_info_ver < 2) kfree()).
 * foo_rx_good() is silent.  foo_rx_bad() may change the local between
 * the tests, so its second test says nothing of the first: the path that
 * allocated and then set ver to 2 leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_info {
	u32 id;
	u32 flags;
	u8 data[32];
};

struct foo_info_v1 {
	u32 id;
	u8 data[32];
};

int foo_version(const void *pkt)
{
	const u8 *p = pkt;

	return p[0] >> 4;
}

static int foo_parse(const struct foo_info *info)
{
	if (info->flags & 1)
		return -EIO;
	return info->data[0] + info->id;
}

int foo_rx_good(const void *pkt, int len)
{
	int ver = foo_version(pkt);
	struct foo_info *info;
	int ret;

	if (len < (int)sizeof(struct foo_info_v1))
		return -EINVAL;
	if (ver < 2) {
		const struct foo_info_v1 *v1 = pkt;

		info = kzalloc(sizeof(*info), GFP_ATOMIC);
		if (!info)
			return -ENOMEM;
		info->id = v1->id;
		memcpy(info->data, v1->data, sizeof(info->data));
	} else {
		info = (void *)pkt;
	}
	ret = foo_parse(info);
	if (ver < 2)
		kfree(info);
	return ret;
}

int foo_rx_bad(const void *pkt, int len)
{
	int ver = foo_version(pkt);
	struct foo_info *info;
	int ret;

	if (len < (int)sizeof(struct foo_info_v1))
		return -EINVAL;
	if (ver < 2) {
		const struct foo_info_v1 *v1 = pkt;

		info = kzalloc(sizeof(*info), GFP_ATOMIC);
		if (!info)
			return -ENOMEM;
		info->id = v1->id;
		memcpy(info->data, v1->data, sizeof(info->data));
	} else {
		info = (void *)pkt;
	}
	ret = foo_parse(info);
	if (ret > 64)
		ver = 2;
	if (ver < 2)
		kfree(info);
	return ret; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
