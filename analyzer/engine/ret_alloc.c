// SPDX-License-Identifier: GPL-2.0
/*
 * The block a path returns, for the function's callers (a wrapper
 * allocator): ret-alloc with its family and order, whether the result
 * may be NULL and what a NULL means (a failure: ret-null, ret-null-gfp;
 * "none": ret-null-absent; the caller's own choice: ret-null-chosen), and
 * the constants the path leaves in the block (ret-sets).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/*
 * The constants this path leaves in the fresh block it returns
 * (profile->match |= FOO_KMALLOC on a zeroed block): "$ret->match" holds
 * 512, for callers that tell their own blocks from borrowed ones by it.
 */
static void ret_field_facts(struct engine *en, struct state *st, int32_t id,
			    struct ir_loc loc)
{
	struct fact_list pf = { 0 };
	char *root = path_str(en, path_object(en, id));
	size_t rl = strlen(root);
	int i;

	for (i = 0; i < st->nb; i++) {
		const struct binding *b = &st->b[i];
		int p = b->path;
		char *full, *sub;

		/* an integer constant at a place of the object, no index
		 * on the way */
		if (b->v.kind != V_CONST || en->paths[p].type == PT_ADDR)
			continue;
		while (p >= 0 && en->paths[p].kind != 'o' &&
		       !en->paths[p].idx_expr)
			p = en->paths[p].parent;
		if (p < 0 || p == b->path || en->paths[p].kind != 'o' ||
		    en->paths[p].var != id)
			continue;
		full = path_str(en, b->path);	/* "#id->match" */
		sub = xstrfmt("$ret%s", full + rl);
		fact_list_add(&pf, core.ret_sets, RC_ANY, sub, b->v.c, NULL,
			      NULL, en->fn->file, loc);
		free(sub);
		free(full);
	}
	facts_ret_fields(en, &pf);
	fact_list_clear(&pf);
	free(root);
}

/*
 * $ret may be NULL after a failed allocation: ret-null, or ret-null-gfp
 * on the gfp_t parameter the failure depends on (gfp_arg, objst), so a
 * caller that passes __GFP_NOFAIL, or __GFP_DIRECT_RECLAIM to a mempool,
 * gets a block that cannot be NULL.
 */
static void add_ret_null(struct engine *en, uint8_t gfp_arg,
			 struct ir_loc loc)
{
	char sub[16];

	if (!(gfp_arg & GFP_ARG_PARAM)) {
		add_may(en, core.ret_null, "$ret", 0, NULL, NULL, loc);
		return;
	}
	snprintf(sub, sizeof(sub), "$%d", (gfp_arg & GFP_ARG_PARAM) - 1);
	add_may(en, core.ret_null_gfp, sub, !!(gfp_arg & GFP_ARG_RECLAIM),
		NULL, NULL, loc);
}

/* The path released a block it allocated itself: an unwind. */
static bool freed_own_block(struct state *st)
{
	const struct slot_val *v;
	int32_t key;
	int pos = 0;

	while (slot_iter(st, core_freed, &pos, &key, &v))
		if (key >= 0)
			return true;
	return false;
}

/* The allocation a path returns, for callers: a wrapper allocator. */
void ret_alloc_facts(struct engine *en, struct state *st,
			    const struct return_info *r)
{
	struct objst tmp;
	const struct objst *o;

	if (r->v.kind == V_OBJ && r->v.obj >= 0) {
		const struct site_info *si = r->v.obj < en->nsites ?
					     &en->sites[r->v.obj] : NULL;

		/* return PTR_ERR(p): an int holds no allocation */
		if (en->fn->returns_narrow)
			return;
		o = engine_obj(en, st, r->v.obj, &tmp);
		if (!o || o->family < 0 || !si || !si->callee)
			return;
		int64_t fam = o->family | ((int64_t)(o->order + 1) << 16);
		bool nz = false;
		char *g = path_guard(en, st, &nz);

		add_may(en, core.ret_alloc, "$ret", fam,
			si->via ? si->via : si->callee, NULL, r->loc);
		add_may(en, core.ret_alloc_if, g ? g : "*",
			fam | ((int64_t)nz << 32),
			si->via ? si->via : si->callee, NULL, r->loc);
		free(g);
		/* NULL here though it cannot fail: the callee's own NULL
		 * for "none" (ubi_find_or_add_av() returns what
		 * find_or_add_av() gives back, NULL only for a lookup that
		 * missed, ERR_PTR() when kzalloc() failed) */
		if (o->null == NL_NULL && !o->can_fail)
			add_may(en, slot_get(st, core_arg_tested, 0) ?
				core.ret_null_chosen : core.ret_null_absent,
				"$ret", 0, NULL, NULL, r->loc);
		else if (o->null != NL_NONNULL)
			add_ret_null(en, o->gfp_arg, r->loc);
		if (o->null != NL_NONNULL && o->can_fail == CAN_FAIL_ABSENT)
			add_may(en, core.ret_null_absent, "$ret", 0, NULL, NULL,
				r->loc);
		if (o->null != NL_NONNULL && o->can_fail == CAN_FAIL_CHOSEN)
			add_may(en, core.ret_null_chosen, "$ret", 0, NULL, NULL,
				r->loc);
		ret_field_facts(en, st, r->v.obj, r->loc);
		return;
	}
	/* return NULL after an allocation failed: a wrapper that may return
	 * NULL.  A NULL returned for another reason (a lookup that missed) is
	 * not an allocation failure. */
	if (r->v.kind != V_CONST || r->v.c != 0 || !en->fn->returns_ptr)
		return;
	if (slot_get(st, core_failed, 0)) {
		add_ret_null(en, (uint8_t)slot_get(st, core_failed, 0)->b,
			     r->loc);
	} else if (freed_own_block(st) ||
		   slot_get(st, core_callee_failed, 0)) {
		/* a later step failed and the path unwound what it had
		 * made (alloc_workqueue() frees wq when its pool
		 * workqueues cannot be had), or a callee failed where its
		 * allocation did (snd_ctl_new1() after snd_ctl_new()): a
		 * failure, not "none" */
		add_may(en, core.ret_null, "$ret", 0, NULL, NULL, r->loc);
	} else {
		/* no table, no feature, a firmware error: NULL is "none".
		 * Not when the path chose it by the value of an argument
		 * (keyspan_setup_urb(serial, endpoint, ...) returns NULL for
		 * endpoint == -1): the caller's own choice, and what it
		 * stores is still a block it must check */
		add_may(en, slot_get(st, core_arg_tested, 0) ?
			core.ret_null_chosen : core.ret_null_absent,
			"$ret", 0, NULL, NULL, r->loc);
	}
}
