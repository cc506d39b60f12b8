// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc across functions, through a helper whose return value
 * is the NULL test of the allocation it stored (netxen_alloc_sds_rings()
 * in drivers/net/ethernet/qlogic/netxen: return recv_ctx->rings == NULL).
 * Its 0 return means "allocated", its 1 "failed": the field is checked,
 * and the caller that tests the result and returns -ENOMEM is correct.
 * foo_bad_alloc_rings() allocates two tables and its answer tests only
 * the first: it returns 0 (success) with the second maybe NULL, and
 * foo_bad_attach() indexes it.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ring {
	int head;
};

struct foo_ctx {
	struct foo_ring *rings;
	int nr_rings;
};

static int foo_alloc_rings(struct foo_ctx *ctx)
{
	ctx->rings = kcalloc(ctx->nr_rings, sizeof(*ctx->rings), GFP_KERNEL);
	return ctx->rings == NULL;
}

int foo_good_attach(struct foo_ctx *ctx)
{
	int i;

	if (foo_alloc_rings(ctx))
		return -ENOMEM;
	for (i = 0; i < ctx->nr_rings; i++)
		ctx->rings[i].head = 0;
	return 0;
}

struct foo_bad_ctx {
	struct foo_ring *rings;
	unsigned long *stats;
	int nr_rings;
};

static int foo_bad_alloc_rings(struct foo_bad_ctx *ctx)
{
	ctx->rings = kcalloc(ctx->nr_rings, sizeof(*ctx->rings), GFP_KERNEL);
	ctx->stats = kcalloc(ctx->nr_rings, sizeof(*ctx->stats), GFP_KERNEL); /* expect: unchecked-alloc */
	return !ctx->rings;
}

int foo_bad_attach(struct foo_bad_ctx *ctx)
{
	int i;

	if (foo_bad_alloc_rings(ctx))
		return -ENOMEM;
	for (i = 0; i < ctx->nr_rings; i++) {
		ctx->rings[i].head = 0;
		ctx->stats[i] = 0;
	}
	return 0;
}

MODULE_LICENSE("GPL");
