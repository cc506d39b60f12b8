// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak and a field switched on twice (nxp-nci's irq thread: one
 * switch on info->mode reads the frame, a second one on the same field
 * delivers it).  Nothing between the two switches writes the mode, so
 * the second takes the case the first took: a frame read in FW mode is
 * delivered in FW mode.  foo_irq_good() delivers in every mode that
 * reads; foo_irq_bad() forgets the FW mode in its second switch.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/mutex.h>

enum foo_mode { FOO_MODE_NCI, FOO_MODE_FW, FOO_MODE_COLD };

struct foo_info {
	struct mutex lock;
	enum foo_mode mode;
};

struct foo_phy {
	struct foo_info *info;
	int hard_fault;
};

static void foo_nci_recv(struct foo_phy *phy, struct sk_buff *skb)
{
	phy->hard_fault = 0;
	kfree_skb(skb);
}

static void foo_fw_recv(struct foo_phy *phy, struct sk_buff *skb)
{
	phy->hard_fault = 0;
	consume_skb(skb);
}

static int foo_read(struct foo_phy *phy, struct sk_buff **skb)
{
	*skb = alloc_skb(64, GFP_KERNEL);
	if (!*skb)
		return -ENOMEM;
	return 0;
}

int foo_irq_good(struct foo_phy *phy)
{
	struct foo_info *info = phy->info;
	struct sk_buff *skb = NULL;
	int r = 0;

	mutex_lock(&info->lock);
	switch (info->mode) {
	case FOO_MODE_NCI:
	case FOO_MODE_FW:
		r = foo_read(phy, &skb);
		break;
	case FOO_MODE_COLD:
		r = -EREMOTEIO;
		break;
	}
	if (r == -EREMOTEIO)
		phy->hard_fault = r;
	if (r < 0)
		goto out;
	switch (info->mode) {
	case FOO_MODE_NCI:
		foo_nci_recv(phy, skb);
		break;
	case FOO_MODE_FW:
		foo_fw_recv(phy, skb);
		break;
	case FOO_MODE_COLD:
		break;
	}
out:
	mutex_unlock(&info->lock);
	return 1;
}

int foo_irq_bad(struct foo_phy *phy)
{
	struct foo_info *info = phy->info;
	struct sk_buff *skb = NULL;
	int r = 0;

	mutex_lock(&info->lock);
	switch (info->mode) {
	case FOO_MODE_NCI:
	case FOO_MODE_FW:
		r = foo_read(phy, &skb);
		break;
	case FOO_MODE_COLD:
		r = -EREMOTEIO;
		break;
	}
	if (r < 0)
		goto out;
	switch (info->mode) {
	case FOO_MODE_NCI:
		foo_nci_recv(phy, skb);
		break;
	case FOO_MODE_FW:
	case FOO_MODE_COLD:
		break;
	}
out:
	mutex_unlock(&info->lock);
	return 1;	/* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
