// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/broadcom/bnxt/bnxt.c,
 * bnxt_hwrm_func_backing_store_qcaps()): one array of page tables is
 * handed out an element at a time by a pointer that walks it
 * (for (i = 0; i < rings; i++, ctx_pg++) ctx->tqm_mem[i] = ctx_pg).
 * Once the walk has left the array's start, no binding holds the array
 * itself, only addresses inside it: those still reach it, so the array is
 * not lost at ctx_pg++.  foo_qcaps_good() stores the context (and the
 * array it holds) and is silent.  foo_qcaps_bad() returns on a late
 * error without storing or freeing the context, which holds the array:
 * reported (the context; the array goes with it).
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_pg {
	void *pages;
	int n;
};

struct foo_ctx {
	struct foo_pg *tqm_mem[9];
	u8 count;
};

struct foo_bp {
	struct foo_ctx *ctx;
	u8 max_q;
	bool ready;
};

int foo_qcaps_good(struct foo_bp *bp, u8 n)
{
	struct foo_ctx *ctx;
	struct foo_pg *ctx_pg;
	int i, rings;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->count = n ? n : bp->max_q;
	if (ctx->count > 8)
		ctx->count = 8;
	rings = ctx->count + 1;
	ctx_pg = kcalloc(rings, sizeof(*ctx_pg), GFP_KERNEL);
	if (!ctx_pg) {
		kfree(ctx);
		return -ENOMEM;
	}
	for (i = 0; i < rings; i++, ctx_pg++)
		ctx->tqm_mem[i] = ctx_pg;
	bp->ctx = ctx;
	return 0;
}

int foo_qcaps_bad(struct foo_bp *bp, u8 n)
{
	struct foo_ctx *ctx;
	struct foo_pg *ctx_pg;
	int i, rings;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->count = n ? n : bp->max_q;
	if (ctx->count > 8)
		ctx->count = 8;
	rings = ctx->count + 1;
	ctx_pg = kcalloc(rings, sizeof(*ctx_pg), GFP_KERNEL);
	if (!ctx_pg) {
		kfree(ctx);
		return -ENOMEM;
	}
	for (i = 0; i < rings; i++, ctx_pg++)
		ctx->tqm_mem[i] = ctx_pg;
	if (!bp->ready) /* expect-note: alloc-leak */
		return -EIO; /* expect: alloc-leak */
	bp->ctx = ctx;
	return 0;
}

MODULE_LICENSE("GPL");
