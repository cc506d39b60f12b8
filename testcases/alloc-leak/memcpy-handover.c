// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/intel/ixgbe/ixgbe_ipsec.c,
 * ixgbe_ipsec_add_sa()): the state is put in a local table entry, and the
 * entry is copied into the adapter's table with memcpy(): the copy stores
 * the state there, as *dst = *src would (rules/copy.rules).
 * foo_vf_add_good() allocates the state and hands it to foo_add_sa(),
 * which copies it into the table on success: silent.  foo_vf_add_bad()
 * copies an entry that does not hold the state: the state is lost.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_state {
	u32 spi;
	u8 key[16];
};

struct foo_sa {
	struct foo_state *xs;
	u32 mode;
	bool used;
};

struct foo_ipsec {
	struct foo_sa tbl[8];
	int num_sa;
};

static int foo_add_sa(struct foo_ipsec *ipsec, struct foo_state *xs, int idx)
{
	struct foo_sa sa;

	if (idx < 0 || idx >= 8)
		return -ENOSPC;
	memset(&sa, 0, sizeof(sa));
	sa.used = true;
	sa.xs = xs;
	sa.mode = 1;
	memcpy(&ipsec->tbl[idx], &sa, sizeof(sa));
	ipsec->num_sa++;
	return 0;
}

int foo_vf_add_good(struct foo_ipsec *ipsec, u32 spi, int idx)
{
	struct foo_state *xs;
	int err;

	xs = kzalloc(sizeof(*xs), GFP_KERNEL);
	if (!xs)
		return -ENOMEM;
	xs->spi = spi;
	err = foo_add_sa(ipsec, xs, idx);
	if (err) {
		kfree(xs);
		return err;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(foo_vf_add_good);

int foo_vf_add_bad(struct foo_ipsec *ipsec, u32 spi, int idx)
{
	struct foo_state *xs;
	struct foo_sa sa = { };

	if (idx < 0 || idx >= 8)
		return -ENOSPC;
	xs = kzalloc(sizeof(*xs), GFP_KERNEL);
	if (!xs)
		return -ENOMEM;
	xs->spi = spi;
	sa.used = true;
	memcpy(&ipsec->tbl[idx], &sa, sizeof(sa)); /* expect: alloc-leak */
	return 0;
}
EXPORT_SYMBOL_GPL(foo_vf_add_bad);
MODULE_LICENSE("GPL");
