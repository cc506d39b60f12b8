// SPDX-License-Identifier: GPL-2.0
/*
 * What a replayed call returns (replay.c): a wrapper's fresh allocation
 * (its family, order and the constants it left in the block; whether its
 * NULL is a failure, "none", or depends on the caller's gfp_t), or the
 * caller's own object or place the callee returns.
 */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* Is v known zero (0), known not zero (1), or not known (-1)? */
static int value_truth(struct value v)
{
	switch (v.kind) {
	case V_CONST:
		return v.c != 0;
	case V_NONNULL:
	case V_ERRPTR:
	case V_NEG:
	case V_POS:
		return 1;
	case V_NE:
		return v.c == 0 ? 1 : -1;
	case V_NESET:
		return (v.c & 1) ? 1 : -1;
	case V_BITS:
		return v.c ? 1 : -1;
	default:
		return -1;
	}
}

/*
 * A wrapper whose allocator depends on a mode field of its caller's
 * memory (ffs_alloc_buffer(): vmalloc() when io_data->use_sg, else
 * kmalloc()): the allocation of the ret-alloc-if facts whose tested
 * place agrees with what the caller knows, when they all name one.
 * Otherwise a, the first ret-alloc fact.
 */
static const struct fact *pick_alloc(struct engine *en, struct state *st,
				     const struct replay *r,
				     const struct fact *a, struct fact *tmp)
{
	const struct fact *pick = NULL;
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		struct value v = mkv(V_UNK);
		int t;

		if (f->kind != core.ret_alloc_if)
			continue;
		if (strcmp(f->subject, "*")) {
			resolve_subject(en, st, r->call, f->subject, NULL, &v);
			t = value_truth(v);
			if (t >= 0 && t != (int)((f->value >> 32) & 1))
				continue;
		}
		if (pick && (pick->value & 0xffffffff) !=
			    (f->value & 0xffffffff))
			return a;	/* two allocators possible */
		pick = f;
	}
	if (!pick)
		return a;
	*tmp = *pick;
	tmp->value &= 0xffffffff;
	return tmp;
}

/* Does the callee return blocks of two families (dma_pool_alloc() or,
 * when the pool has none, kmalloc())? */
static bool two_families(const struct summary *s)
{
	int i, fam = -1;

	for (i = 0; i < s->facts.n; i++) {
		const struct fact *f = &s->facts.v[i];

		if (f->kind != core.ret_alloc)
			continue;
		if (fam >= 0 && fam != (int)(f->value & 0xffff))
			return true;
		fam = (int)(f->value & 0xffff);
	}
	return false;
}

/* The constants the callee left in the block it made ("$ret->match"
 * 512): the new object's fields hold them. */
static void ret_fields(struct engine *en, struct state *st,
		       const struct replay *r, int32_t id)
{
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		struct value v = vconst(f->value);
		int path;

		if (f->kind != core.ret_sets || strncmp(f->subject, "$ret", 4))
			continue;
		path = object_place(en, id, f->subject + 4);
		if (path < 0)
			continue;
		if (en->paths[path].type == PT_UNKNOWN)
			en->paths[path].type = PT_OTHER;	/* an integer */
		state_set(st, path, &v);
	}
}

/* What the call returns, under cond: a fresh allocation, one of its
 * arguments' places, or nothing known.  Returns true when it set dest. */
/*
 * May the callee's NULL after a failed allocation reach this caller, by
 * its ret-null-gfp facts?  Not where the gfp_t argument has __GFP_NOFAIL,
 * or __GFP_DIRECT_RECLAIM for a mempool (value 1).  *param: the caller's
 * own gfp_t parameter the argument passes on, for its summary (-1).
 */
static bool gfp_may_fail(struct engine *en, const struct replay *r,
			 int *param, bool *reclaim)
{
	const struct header_consts *k = &en->unit->prog->consts;
	const struct summary *s = r->sum;
	bool may = false;
	int i;

	*param = -1;
	*reclaim = true;
	for (i = 0; i < s->facts.n; i++) {
		const struct fact *f = &s->facts.v[i];
		int n, p;

		if (f->kind != core.ret_null_gfp || f->subject[0] != '$')
			continue;
		n = atoi(f->subject + 1);
		if (n >= 0 && n < r->nargs && r->args[n].kind == V_CONST &&
		    (((uint64_t)r->args[n].c & k->gfp_nofail) ||
		     (f->value &&
		      ((uint64_t)r->args[n].c & k->gfp_direct_reclaim))))
			continue;
		p = n >= 0 && n < r->call->nargs ?
		    gfp_param_of(en, r->call->args[n]) : -1;
		*param = !may || *param == p ? p : -1;
		*reclaim = *reclaim && f->value;
		may = true;
	}
	return may;
}

/*
 * What a ret-is fact names, read before the call's writes are replayed:
 * its subject is the value the place held when the callee was entered
 * (acpi_ut_pop_generic_state(&head) returns the old head and leaves
 * head->next in the place).  V_UNK when there is none.
 */
struct value replay_ret_is_pre(struct engine *en, struct state *st,
			       const struct replay *r, enum ret_cond cond)
{
	const struct fact *is = summary_fact(r->sum, core.ret_is, cond);
	struct value v = mkv(V_UNK);

	if (!is && cond != RC_ANY)
		is = summary_fact(r->sum, core.ret_is, RC_ANY);
	if (is && is->str)
		resolve_subject(en, st, r->call, is->str, is->key, &v);
	return v;
}

bool replay_return(struct engine *en, struct state *st,
		   const struct replay *r, enum ret_cond cond,
		   const struct value *pre)
{
	const struct fact *a = summary_fact(r->sum, core.ret_alloc, RC_ANY);
	const struct fact *is;
	struct fact tmp;
	struct value v;

	if (a && !replay_table_covers(r, a))
		a = pick_alloc(en, st, r, a, &tmp);
	if (a && !replay_table_covers(r, a)) {
		bool plain_null = summary_fact(r->sum, core.ret_null, RC_ANY);
		int gfp_param;
		bool gfp_reclaim;
		bool may_null = gfp_may_fail(en, r, &gfp_param, &gfp_reclaim) ||
				plain_null;
		/* its NULL may also mean "none" (no table, no feature) */
		int can_fail = !may_null ? 0 :
			       summary_fact(r->sum, core.ret_null_absent, RC_ANY) ?
			       CAN_FAIL_ABSENT :
			       summary_fact(r->sum, core.ret_null_chosen, RC_ANY) ?
			       CAN_FAIL_CHOSEN : 1;
		/* two families and the path cannot tell which: none, so
		 * no release of either is a mismatch (the caller releases
		 * by a flag the callee set: qib_user_sdma_alloc_header()) */
		int family = a != &tmp && two_families(r->sum) ? -1 :
			     (int)(a->value & 0xffff);
		struct objst *o;

		new_object(en, st, r->call, r->call->dest, r->loc,
			   family, can_fail, (int)(a->value >> 16) - 1, a->str);
		o = state_obj(st, r->call->site);
		if (o) {
			o->inferred = 1;	/* a wrapper's allocation */
			ret_fields(en, st, r, o->id);
			if (may_null && !plain_null && can_fail == 1)
				set_gfp_arg(o, gfp_param, gfp_reclaim);
		}
		/* where the call returned 0 it returned NULL, whether or
		 * not the allocation failed (a wrapper that returns a
		 * lookup's NULL as well as a block it made:
		 * snd_hda_jack_detect_enable_callback_mst()) */
		if (o && cond != RC_ANY && (may_null || cond == RC_ZERO)) {
			o->null = cond == RC_ZERO ? NL_NULL : NL_NONNULL;
			o->can_fail = can_fail;
		}
		return true;
	}
	/* a place's entry value, read before the writes were replayed */
	if (pre->kind != V_UNK) {
		dest_assign(en, st, r->call, *pre, r->loc);
		return true;
	}
	/* &$0->member: a pointer into the caller's object */
	is = summary_fact(r->sum, core.ret_addr, cond);
	if (!is && cond != RC_ANY)
		is = summary_fact(r->sum, core.ret_addr, RC_ANY);
	if (is && is->str) {
		int path = resolve_subject(en, st, r->call, is->str, is->key,
					   &v);
		int32_t id;

		if (path >= 0 && is->value == 1) {
			/* a private area (&wiphy->priv): its first element,
			 * keyed by the struct the caller reads it as */
			path = path_area(en, path, false, 0);
		}
		id = path >= 0 ? addr_sym(en, st, path) : 0;

		if (id) {
			dest_assign(en, st, r->call, vobj(id), r->loc);
			return true;
		}
	}
	return false;
}
