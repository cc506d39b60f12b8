// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the allocation is stored into a struct member and a
 * field is accessed through it, `priv->hdr->field`.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_hdr {
	__le32 magic;
	__le16 version;
};

struct foo_priv {
	struct foo_hdr *hdr;
};

int foo_hdr_init_bad(struct foo_priv *priv)
{
	priv->hdr = kmalloc(sizeof(*priv->hdr), GFP_KERNEL);
	priv->hdr->magic = cpu_to_le32(0x464f4f21); /* expect: unchecked-alloc */
	priv->hdr->version = cpu_to_le16(1);
	return 0;
}

int foo_hdr_init_good(struct foo_priv *priv)
{
	priv->hdr = kmalloc(sizeof(*priv->hdr), GFP_KERNEL);
	if (!priv->hdr)
		return -ENOMEM;
	priv->hdr->magic = cpu_to_le32(0x464f4f21);
	priv->hdr->version = cpu_to_le16(1);
	return 0;
}

MODULE_LICENSE("GPL");
