// SPDX-License-Identifier: GPL-2.0
/*
 * Returns: the class of the returned value (zero, non-zero, unknown),
 * whether the path is the function's success, the return event the
 * checkers see, and the summary facts of the path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

static enum ret_cond ret_class(struct engine *en, struct state *st,
			       struct value v)
{
	struct objst tmp;
	const struct objst *o;

	switch (v.kind) {
	case V_CONST:
		return v.c ? RC_NONZERO : RC_ZERO;
	case V_NONNULL:
	case V_ERRPTR:
	case V_NEG:
	case V_POS:
		return RC_NONZERO;
	case V_NE:
		return v.c == 0 ? RC_NONZERO : RC_UNKNOWN;
	case V_NESET:
		return (v.c & 1) ? RC_NONZERO : RC_UNKNOWN;
	case V_BITS:
		return v.c ? RC_NONZERO : RC_UNKNOWN;
	case V_OBJ:
	case V_PRED:
		o = engine_obj(en, st, v.obj, &tmp);
		/* &t->symtab[n] of a t known not NULL (the lookup that
		 * returns NULL when !t, else an element): not NULL */
		if (v.kind == V_OBJ && o && o->null == NL_MAYBE &&
		    addr_in_nonnull(en, st, v.obj))
			return RC_NONZERO;
		if (!o || o->null == NL_MAYBE)
			return RC_UNKNOWN;
		if (v.kind == V_OBJ)
			return o->null == NL_NULL ? RC_ZERO : RC_NONZERO;
		return (o->null == NL_NULL) == !!v.pred_null ? RC_NONZERO :
		       RC_ZERO;
	default:
		return RC_UNKNOWN;
	}
}

/* An allocation of this function failed on this path (tested NULL). */
static bool failed_here(const struct state *st)
{
	return slot_get(st, core_failed, 0) != NULL;
}

static void return_value(struct engine *en, struct state *st,
			 const struct ir_block *b, const struct value *v)
{
	struct return_info ri;
	struct ev_ctx old;
	int i;

	memset(&ri, 0, sizeof(ri));
	ri.v = mkv(V_UNK);
	if (b->ret) {
		struct objst tmp;
		const struct objst *o = v->kind == V_OBJ ?
					engine_obj(en, st, v->obj, &tmp) : NULL;

		/* a pointer IS_ERR() found to be an error is returned as one
		 * (__devm_regmap_init(): return regmap after the else branch
		 * of !IS_ERR(regmap)), not as a NULL */
		ri.v = o && (o->flags & OF_ERRPTR) ? mkv(V_ERRPTR) : *v;
		ri.has_value = true;
	}
	ri.cond = ret_class(en, st, ri.v);
	if (en->pass == PASS_SUMMARY && ri.has_value && failed_here(st) &&
	    ri.v.kind != V_ERRPTR)
		en->self->fail_conds |= 1u << ri.cond;
	ri.success = !ri.has_value ||
		     (unit_success(en->unit, en->fn->name, ri.cond,
				   fn_rkind(en->fn)) &&
		      ri.v.kind != V_ERRPTR);
	ri.maybe_success = ri.success || ri.cond == RC_UNKNOWN;
	ri.loc = b->term_loc;
	lost_at_return(en, st, &ri.v, ri.loc);
	old = ev_begin(en, st, ri.v.kind == V_OBJ ? ri.v.obj : LINK_NONE,
		       LINK_NONE);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_return) {
			en->queried = false;
			en->unit->checkers[i]->on_return(en, st, &ri);
		}
	ev_end(en, old);
	if (en->pass == PASS_SUMMARY)
		facts_return(en, st, &ri);
}

/*
 * return p == NULL; return !p: the value is a test of a tracked object.
 * Each outcome is a return of its own (1 where p is NULL, 0 where it is
 * not), as if the function were written if (!p) return 1; return 0; so
 * that "returns 0" says p is not NULL.
 */
void do_return(struct engine *en, struct state *st,
	       const struct ir_block *b)
{
	struct value v = mkv(V_UNK), zero = vconst(0), one = vconst(1);
	struct state *f;

	if (b->ret) {
		scan_derefs(en, st, b->ret, b->term_loc);
		v = eval(en, st, b->ret);
	}
	if (v.kind != V_PRED && v.kind != V_REL) {
		return_value(en, st, b, &v);
		return;
	}
	f = state_copy(st);
	if (refine(en, f, v, false))
		return_value(en, f, b, &zero);
	state_free(f);
	if (refine(en, st, v, true))
		return_value(en, st, b, &one);
}
