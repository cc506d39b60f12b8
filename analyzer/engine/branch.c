// SPDX-License-Identifier: GPL-2.0
/*
 * Branches: what each edge of a condition teaches.  A null test makes
 * the object NULL or not (and the objects its null-ness is tied to); a
 * test of an integer (if (err), switch cases, if (ret < 0)) makes it
 * known on the edge, so a later test of the same place follows the same
 * way.  An edge that contradicts what the path knows is not taken.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* ---- branches ---- */

/* obj is NULL (want_null) or not on this edge; false if it cannot be. */
static bool set_null(struct engine *en, struct state *st, int32_t id,
		     bool want_null, int depth)
{
	struct objst tmp, *o;
	const struct objst *v = engine_obj(en, st, id, &tmp);

	if (!v)
		return true;
	/* an error pointer (IS_ERR() was true) owns nothing but is not 0:
	 * err = PTR_ERR_OR_ZERO(p); if (err) goto fail; */
	if (v->flags & OF_ERRPTR)
		return !want_null;
	if (want_null && v->null == NL_NONNULL)
		return false;
	/* &t->f, &t->arr[i], an allocator's inner area (info->par) of a t
	 * not NULL: not NULL either */
	if (want_null && v->null == NL_MAYBE && addr_in_nonnull(en, st, id))
		return false;
	if (!want_null && v->null == NL_NULL)
		return false;
	o = obj_materialize(en, st, id);
	o->null = want_null ? NL_NULL : NL_NONNULL;
	o->flags |= OF_CHECKED;
	if (want_null && o->can_fail && id >= 0) {
		struct slot_val yes = { 1, o->gfp_arg };

		slot_set(st, core_failed, 0, &yes);
	}
	if (o->link != LINK_NONE && depth == 0) {
		bool same = o->link_same;

		return set_null(en, st, o->link, same ? want_null : !want_null,
				1);
	}
	return true;
}

/* null-ness of a and b agree (same) or differ, on this edge */
static bool relate(struct engine *en, struct state *st, int32_t a, int32_t b,
		   bool same)
{
	struct objst ta, tb, *oa, *ob;
	const struct objst *va = engine_obj(en, st, a, &ta);
	const struct objst *vb = engine_obj(en, st, b, &tb);

	if (!va || !vb)
		return true;
	if (va->null != NL_MAYBE)
		return set_null(en, st, b,
				(va->null == NL_NULL) == same, 1);
	if (vb->null != NL_MAYBE)
		return set_null(en, st, a,
				(vb->null == NL_NULL) == same, 1);
	oa = obj_materialize(en, st, a);
	oa->link = b;
	oa->link_same = same;
	oa->flags |= OF_CHECKED;
	ob = obj_materialize(en, st, b);
	ob->link = a;
	ob->link_same = same;
	ob->flags |= OF_CHECKED;
	return true;
}

/*
 * Refine st with "cond is true" (taken) or false.  Returns false when the
 * edge is infeasible on this path.
 */
bool refine(struct engine *en, struct state *st, struct value cond,
	    bool taken)
{
	switch (cond.kind) {
	case V_CONST:
		return (cond.c != 0) == taken;
	case V_NONNULL:
	case V_ERRPTR:
	case V_NEG:
	case V_POS:
		return taken;
	case V_NE:
		return cond.c != 0 || taken;
	case V_NESET:
		return !(cond.c & 1) || taken;
	case V_BITS:
		return !cond.c || taken;
	case V_OBJ:
		return set_null(en, st, cond.obj, !taken, 0);
	case V_PRED:
		return set_null(en, st, cond.obj,
				cond.pred_null ? taken : !taken, 0);
	case V_REL:
		return relate(en, st, cond.obj, (int32_t)cond.c,
			      !cond.pred_null == taken);
	default:
		return true;
	}
}

/* On the edge where "x op k" is truthy, is x known not to be 0? */
static bool order_excludes_zero(int op, int64_t k, bool truthy)
{
	if (!truthy) {
		switch (op) {
		case CMP_LT: op = CMP_GE; break;
		case CMP_GT: op = CMP_LE; break;
		case CMP_LE: op = CMP_GT; break;
		default: op = CMP_LT; break;
		}
	}
	switch (op) {
	case CMP_LT: return k <= 0;
	case CMP_LE: return k < 0;
	case CMP_GT: return k >= 0;
	default: return k > 0;	/* CMP_GE */
	}
}

/* On the edge where "x op k" is truthy, is x known to be > 0 (x > 0,
 * x >= 1, or !(x <= 0) on the other edge)? */
static bool order_positive(int op, int64_t k, bool truthy)
{
	if (!truthy) {
		switch (op) {
		case CMP_LE: op = CMP_GT; break;
		case CMP_LT: op = CMP_GE; break;
		default: return false;
		}
	}
	return (op == CMP_GT && k >= 0) || (op == CMP_GE && k >= 1);
}

/* cur, also known != k (switch (kind): case A, case B, default) */
static bool not_equal(struct value cur, int64_t k, struct value *out)
{
	uint64_t mask;

	if (cur.kind == V_UNK) {
		*out = mkv(V_NE);
		out->c = k;
		return true;
	}
	if (k < 0 || k >= 64)
		return false;
	if (cur.kind == V_NE && cur.c >= 0 && cur.c < 64)
		mask = 1ULL << cur.c;
	else if (cur.kind == V_NONNULL)
		mask = 1;
	else if (cur.kind == V_NESET)
		mask = (uint64_t)cur.c;
	else
		return false;
	*out = mkv(V_NESET);
	out->c = (int64_t)(mask | (1ULL << k));
	return true;
}

/*
 * The bits tested of a word that holds a symbol: an unsigned long field
 * (priv->flags) reads as an object of unknown origin, since such a word
 * may hold an address (page addresses), and that identity must stay.
 * What a test taught of its bits is a path slot beside it, dropped when
 * the place is written, and eval() reads x & K through it.
 */
static int sym_bits_slot;

void sym_bits_init(void)
{
	static const struct slot_def def = { "engine:sym-bits", SLOT_PATH,
					     NULL };

	sym_bits_slot = engine_slot_register(&def);
}

/* Bits known set and clear of the word at canonical path, or false. */
bool sym_bits_get(const struct state *st, int path, uint32_t *set,
		  uint32_t *clr)
{
	const struct slot_val *v = slot_get(st, sym_bits_slot, path);

	if (!v)
		return false;
	*set = (uint32_t)v->a;
	*clr = (uint32_t)v->b;
	return true;
}

/*
 * if (x & K) of a flag word: on the true edge the bit is set when K is
 * one bit, on the false edge every bit of K is clear.
 */
static void refine_bits(struct engine *en, struct state *st,
			const struct ir_expr *cond, bool truthy)
{
	uint64_t K = (uint64_t)cond->b->ival;
	uint32_t set = 0, clr = 0;
	struct value cur, v;
	struct slot_val sv;
	int path = expr_path(en, cond->a);
	bool sym;

	if (path < 0 || !K || (K >> 32) || cond->a->is_ptr)
		return;
	path = canon_path(en, st, path);
	cur = load_path(en, st, path);
	sym = cur.kind == V_OBJ && cur.obj < 0;
	if (sym && !retest_bits_repeated(en, en->cur_block))
		return;
	if (sym)
		sym_bits_get(st, path, &set, &clr);
	else if (cur.kind != V_UNK && !value_bits(cur, &set, &clr))
		return;
	if (truthy && (K & (K - 1)))
		return;		/* some bit of K set: which is not known */
	if (truthy)
		set |= (uint32_t)K;
	else
		clr |= (uint32_t)K;
	if (sym) {
		sv.a = set & ~clr;
		sv.b = clr;
		slot_set(st, sym_bits_slot, path, &sv);
		return;
	}
	v = vbits(set, clr, cond->a->is_long);
	if (v.kind == V_UNK)
		return;
	state_set(st, path, &v);
}

/* Does the edge of x OP k (truthy: the test held) say x < 0? */
static bool negative_edge(int op, int64_t k, bool truthy)
{
	if (!truthy) {
		switch (op) {
		case CMP_GE: op = CMP_LT; break;
		case CMP_GT: op = CMP_LE; break;
		default: return false;
		}
	}
	return (op == CMP_LT && k == 0) || (op == CMP_LE && k == -1);
}

/*
 * if (x) on a place that holds cur: x on the edge (truthy: the test held),
 * or false when the edge says nothing new.  A value some join or bit
 * operation left partly known is 0 on the false edge; a flag read with
 * one bit that may be set ((w >> S) & 1: XGMAC_GET_BITS(), FIELD_GET())
 * has that bit set on the true edge, so a later if (x) follows the same
 * way.  narrow: an integer of 32 bits or less.
 */
static bool truth_of(struct value cur, bool truthy, bool narrow,
		     struct value *out)
{
	uint32_t set, clr, open;

	switch (cur.kind) {
	case V_UNK:	/* load_path() reads a joined V_TOP as V_UNK */
		*out = truthy ? mkv(V_NONNULL) : vconst(0);
		return true;
	case V_NE:
		if (truthy || cur.c == 0)
			return false;
		*out = vconst(0);
		return true;
	case V_NESET:
		if (truthy || (cur.c & 1))
			return false;
		*out = vconst(0);
		return true;
	case V_BITS:
		set = (uint32_t)cur.c;
		clr = (uint32_t)cur.obj;
		if (!truthy) {
			if (set)
				return false;
			*out = vconst(0);
			return true;
		}
		open = ~(set | clr);
		if (set || !narrow || !open || (open & (open - 1)))
			return false;
		*out = vbits(set | open, clr, false);
		return true;
	default:
		return false;
	}
}

/*
 * A condition without its negations: !x, x == 0 and x != 0 become x,
 * with *truthy flipped for each negation.  On return, *truthy says
 * whether the edge is the one where the returned expression is not 0.
 */
const struct ir_expr *cond_truth(const struct ir_expr *cond, bool *truthy)
{
	for (;;) {
		if (cond->kind == EX_NOT) {
			*truthy = !*truthy;
			cond = cond->a;
		} else if (cond->kind == EX_CMP &&
			   (cond->op == CMP_EQ || cond->op == CMP_NE) &&
			   cond->b && cond->b->kind == EX_CONST &&
			   cond->b->ival == 0) {
			if (cond->op == CMP_EQ)
				*truthy = !*truthy;
			cond = cond->a;
		} else {
			return cond;
		}
	}
}

/* The canonical place e names, and its value in *cur; -1 when none. */
static int place_value(struct engine *en, struct state *st,
		       const struct ir_expr *e, struct value *cur)
{
	int path = expr_path(en, e);

	if (path < 0)
		return -1;
	path = canon_path(en, st, path);
	*cur = load_path(en, st, path);
	return path;
}

/*
 * x <= 0 or x >= 0 of an integer known not 0 (cur, at path): x < 0 or
 * x > 0.  pebs, known non-zero, is not > 0: the later if (pebs < 0) is
 * taken.
 */
static void nonzero_sign(struct state *st, int path, struct value cur,
			 int op, bool truthy)
{
	struct value v;

	if (cur.kind != V_NONNULL && !(cur.kind == V_NE && cur.c == 0))
		return;
	if (!truthy)	/* the edge where the comparison is false */
		op = op == CMP_LT ? CMP_GE : op == CMP_GT ? CMP_LE :
		     op == CMP_LE ? CMP_GT : CMP_LT;
	if (op == CMP_LE)
		v = mkv(V_NEG);
	else if (op == CMP_GE)
		v = mkv(V_POS);
	else
		return;
	state_set(st, path, &v);
}

/*
 * if (err), if (!err), if (x == MODE_A)...: on each edge the tested
 * integer is known (zero, non-zero, equal to K, not equal to K), so a
 * later test of the same place follows the same way.
 */
void refine_var(struct engine *en, struct state *st,
		       const struct ir_expr *cond, bool taken)
{
	bool truthy = taken;
	struct value cur, v;
	int64_t k = 0;
	bool cmp = false;
	int path;

	cond = cond_truth(cond, &truthy);
	if (cond->kind == EX_CMP && cond->op != CMP_EQ && cond->op != CMP_NE &&
	    cond->b && cond->b->kind == EX_CONST) {
		/* if (ret < 0): on that edge ret is not 0 either */
		if (!order_excludes_zero(cond->op, cond->b->ival, truthy)) {
			if (cond->b->ival == 0 && !cond->a->is_ptr &&
			    (path = place_value(en, st, cond->a, &cur)) >= 0)
				nonzero_sign(st, path, cur, cond->op, truthy);
			return;
		}
		path = place_value(en, st, cond->a, &cur);
		if (path < 0)
			return;
		/* ret < 0 taken (or ret >= 0 not taken): negative, so the
		 * unwind's own if (ret < 0) kfree(p) follows the same way */
		if (negative_edge(cond->op, cond->b->ival, truthy) &&
		    !cond->a->is_ptr &&
		    (cur.kind == V_UNK || cur.kind == V_NONNULL ||
		     cur.kind == V_NE)) {
			v = mkv(V_NEG);
			state_set(st, path, &v);
			return;
		}
		/* if (size > 0): positive, so a second if (size > 0)
		 * follows the same way (snd_usb_ctl_msg()) */
		if (order_positive(cond->op, cond->b->ival, truthy) &&
		    !cond->a->is_ptr &&
		    (cur.kind == V_UNK || cur.kind == V_NONNULL)) {
			v = mkv(V_POS);
			state_set(st, path, &v);
			return;
		}
		if (cur.kind == V_UNK) {
			v = mkv(V_NONNULL);
			state_set(st, path, &v);
		}
		return;
	}
	if (cond->kind == EX_CMP && (cond->op == CMP_EQ || cond->op == CMP_NE) &&
	    cond->b && cond->b->kind == EX_CONST) {
		cmp = true;
		k = cond->b->ival;
		if (cond->op == CMP_NE)
			truthy = !truthy;
		cond = cond->a;
	}
	if (!cmp && cond->kind == EX_ARITH && cond->op == AR_AND &&
	    cond->b && cond->b->kind == EX_CONST) {
		refine_bits(en, st, cond, truthy);
		return;
	}
	path = place_value(en, st, cond, &cur);
	if (path < 0)
		return;
	if (cur.kind == V_OBJ || cur.kind == V_CONST || cur.kind == V_PRED ||
	    cur.kind == V_REL)
		return;
	if (cmp) {
		if (truthy)
			v = vconst(k);
		else if (!not_equal(cur, k, &v))
			return;
	} else if (!truth_of(cur, truthy, !cond->is_long, &v)) {
		return;
	}
	state_set(st, path, &v);
}
