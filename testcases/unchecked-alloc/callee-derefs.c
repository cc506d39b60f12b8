// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the unchecked pointer is passed to a local function.
 * foo_hdr_fill() dereferences its parameter, so the call is reported (at
 * the call line, not inside the callee, which did nothing wrong).
 * foo_hdr_fill_checked() tests its parameter first, so passing an
 * unchecked pointer to it is fine.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_hdr {
	u32 magic;
	u32 seq;
};

struct foo_priv {
	struct foo_hdr *hdr;
	u32 seq;
};

static void foo_hdr_fill(struct foo_hdr *hdr, u32 seq)
{
	hdr->magic = 0x464f4f00;
	hdr->seq = seq;
}

static int foo_hdr_fill_checked(struct foo_hdr *hdr, u32 seq)
{
	if (!hdr)
		return -ENOMEM;
	hdr->magic = 0x464f4f00;
	hdr->seq = seq;
	return 0;
}

int foo_hdr_bad(struct foo_priv *priv)
{
	struct foo_hdr *hdr = kmalloc(sizeof(*hdr), GFP_KERNEL);

	foo_hdr_fill(hdr, priv->seq++); /* expect: unchecked-alloc:medium */
	priv->hdr = hdr;
	return 0;
}

int foo_hdr_good(struct foo_priv *priv)
{
	struct foo_hdr *hdr = kmalloc(sizeof(*hdr), GFP_KERNEL);

	priv->hdr = hdr;
	return foo_hdr_fill_checked(hdr, priv->seq++);
}

int foo_hdr_good_caller_checks(struct foo_priv *priv)
{
	struct foo_hdr *hdr = kmalloc(sizeof(*hdr), GFP_KERNEL);

	if (!hdr)
		return -ENOMEM;
	foo_hdr_fill(hdr, priv->seq++);
	priv->hdr = hdr;
	return 0;
}

MODULE_LICENSE("GPL");
