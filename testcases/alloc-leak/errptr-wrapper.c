// SPDX-License-Identifier: GPL-2.0
/*
 * A wrapper allocator that returns ERR_PTR() on failure, tested with
 * IS_ERR() (rules/control.rules: `errtest IS_ERR`): where IS_ERR() is
 * true the pointer is an error code and owns nothing, as in
 * mwifiex_ret_chan_region_cfg() (drivers/net/wireless/marvell/mwifiex/
 * sta_cmdresp.c) and the ipmi_alloc_recv_msg() callers of
 * drivers/char/ipmi/ipmi_msghandler.c. foo_update_good() stores the
 * table when it was made; foo_update_bad() drops it when it is too big.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo_regd {
	unsigned int n_rules;
	u32 rules[];
};

struct foo_dev {
	struct foo_regd *regd;
	unsigned int max_rules;
};

static struct foo_regd *foo_create_regd(const u32 *buf, unsigned int n)
{
	struct foo_regd *regd;

	if (!n)
		return ERR_PTR(-EINVAL);
	regd = kzalloc(struct_size(regd, rules, n), GFP_KERNEL);
	if (!regd)
		return ERR_PTR(-ENOMEM);
	memcpy(regd->rules, buf, n * sizeof(u32));
	regd->n_rules = n;
	return regd;
}

int foo_update_good(struct foo_dev *fd, const u32 *buf, unsigned int n)
{
	struct foo_regd *regd;

	regd = foo_create_regd(buf, n);
	if (!IS_ERR(regd))
		fd->regd = regd;
	return 0;
}

int foo_update_bad(struct foo_dev *fd, const u32 *buf, unsigned int n)
{
	struct foo_regd *regd;

	regd = foo_create_regd(buf, n);
	if (IS_ERR(regd))
		return PTR_ERR(regd);
	if (regd->n_rules > fd->max_rules)
		return -E2BIG; /* expect: alloc-leak */
	fd->regd = regd;
	return 0;
}

MODULE_LICENSE("GPL");
