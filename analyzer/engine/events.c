// SPDX-License-Identifier: GPL-2.0
/*
 * The events the checkers hook: dereferences (every access an
 * expression performs), stores, objects lost, branches.  Calls, frees and
 * locks are fired where calls are executed (calls.c), entry and return in
 * explore.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* ---- events ---- */

static void deref_event(struct engine *en, struct state *st, struct value v,
			const struct ir_expr *e, int path, struct ir_loc loc,
			const char *via, const struct ir_loc *via_loc,
			const char *via_file, bool via_always, bool kept,
			bool via_field)
{
	const struct sym *as;
	struct deref_info d;
	struct objst *o;
	struct ev_ctx old;
	int i;

	if (v.kind != V_OBJ)
		return;
	/* using b[i] through its address uses b, unless the path tracks
	 * that place on its own (a page at a variable offset of a range
	 * the function was given, freed alone: frees.c) */
	as = sym_of(en, v.obj);
	if (as && as->kind == SYM_ADDR && as->base != LINK_NONE &&
	    !(engine_varying_element(en, v.obj) && state_obj(st, v.obj)))
		v.obj = as->base;
	memset(&d, 0, sizeof(d));
	d.v = v;
	d.e = e;
	d.path = path;
	d.loc = loc;
	d.via = via;
	d.via_loc = via_loc;
	d.via_file = via_file;
	d.via_always = via_always;
	d.kept = kept;
	d.via_field = via_field;
	if (en->pass == PASS_SUMMARY)
		core_on_deref(en, st, &d);
	old = ev_begin(en, st, v.obj, LINK_NONE);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_deref) {
			en->queried = false;
			en->unit->checkers[i]->on_deref(en, st, &d);
		}
	ev_end(en, old);
	/*
	 * Used as non-NULL: later uses on this path are not new findings.
	 * A symbolic object (a parameter, a field) is only marked when the
	 * engine already holds facts about it: marking every field a path
	 * reads would tell apart states that differ by nothing that matters.
	 */
	o = state_obj(st, v.obj);
	if (!o)
		return;
	if (o->null == NL_MAYBE)
		o->null = NL_NONNULL;
	o->flags |= OF_DEREFED;
}

void fire_deref_value(struct engine *en, struct state *st, struct value v,
		      int path, struct ir_loc loc, const char *via,
		      const struct ir_loc *via_loc, const char *via_file,
		      bool via_always, bool kept, bool via_field)
{
	deref_event(en, st, v, NULL, path, loc, via, via_loc, via_file,
		    via_always, kept, via_field);
}

void fire_deref(struct engine *en, struct state *st,
		const struct ir_expr *ptr, struct ir_loc loc, const char *via,
		const struct ir_loc *via_loc, const char *via_file)
{
	/* a rules-table dereference happens whenever the call does */
	deref_event(en, st, eval(en, st, ptr), ptr, -1, loc, via, via_loc,
		    via_file, via != NULL, false, false);
}

/* An argument a `deref kept=` line says the callee keeps for later. */
void fire_deref_kept(struct engine *en, struct state *st,
		     const struct ir_expr *ptr, struct ir_loc loc,
		     const char *via)
{
	deref_event(en, st, eval(en, st, ptr), ptr, -1, loc, via, NULL, NULL,
		    true, true, false);
}

/* Every dereference an expression performs when evaluated. */
void scan_derefs(struct engine *en, struct state *st,
		 const struct ir_expr *e, struct ir_loc loc)
{
	if (!e)
		return;
	switch (e->kind) {
	case EX_MEMBER:
		scan_derefs(en, st, e->a, loc);
		if (e->arrow && !(e->a && e->a->kind == EX_ADDR))
			fire_deref(en, st, e->a, e->loc.line ? e->loc : loc,
				   NULL, NULL, NULL);
		return;
	case EX_INDEX:
		scan_derefs(en, st, e->a, loc);
		scan_derefs(en, st, e->b, loc);
		if (e->base_is_ptr)
			fire_deref(en, st, e->a, e->loc.line ? e->loc : loc,
				   NULL, NULL, NULL);
		return;
	case EX_DEREF:
		scan_derefs(en, st, e->a, loc);
		fire_deref(en, st, e->a, e->loc.line ? e->loc : loc, NULL,
			   NULL, NULL);
		return;
	case EX_ADDR:
		/* &p->f and &p[i] compute an address: no access to *p */
		if (e->a && (e->a->kind == EX_MEMBER || e->a->kind == EX_INDEX)) {
			scan_derefs(en, st, e->a->a, loc);
			if (e->a->kind == EX_INDEX)
				scan_derefs(en, st, e->a->b, loc);
		} else if (e->a && e->a->kind == EX_DEREF) {
			scan_derefs(en, st, e->a->a, loc);
		} else {
			scan_derefs(en, st, e->a, loc);
		}
		return;
	case EX_NOT:
	case EX_CMP:
	case EX_ARITH:
		scan_derefs(en, st, e->a, loc);
		scan_derefs(en, st, e->b, loc);
		return;
	default:
		return;
	}
}

void fire_store(struct engine *en, struct state *st,
		const struct store_info *si)
{
	int i;

	struct ev_ctx old;

	if (en->pass == PASS_SUMMARY)
		core_on_store(en, st, si);
	old = ev_begin(en, st, si->v.kind == V_OBJ ? si->v.obj : LINK_NONE,
		       si->container);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_store) {
			en->queried = false;
			en->unit->checkers[i]->on_store(en, st, si);
		}
	ev_end(en, old);
}

void fire_escape(struct engine *en, struct state *st,
		 const struct escape_info *x)
{
	struct ev_ctx old;
	int i;

	old = ev_begin(en, st, x->v.kind == V_OBJ ? x->v.obj : LINK_NONE,
		       LINK_NONE);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_escape) {
			en->queried = false;
			en->unit->checkers[i]->on_escape(en, st, x);
		}
	ev_end(en, old);
}

/* Allocation id is no longer reachable on this path: tell the checkers,
 * then forget it. */
void fire_lost(struct engine *en, struct state *st, int32_t id,
	       struct ir_loc loc, bool at_return, bool forgotten)
{
	struct lost_info l = { loc, at_return, forgotten, en->lost_clobbered };
	struct objst o, *p = state_obj(st, id);
	struct ev_ctx old;
	int i;

	if (!p)
		return;
	o = *p;
	/* a failed allocation holds nothing to lose; but a NULL stored and
	 * forgotten (out_urbs[i] once i moves on) was never checked there */
	old = ev_begin(en, st, id, LINK_NONE);
	for (i = 0; (o.null != NL_NULL || forgotten) &&
		    i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_lost) {
			en->queried = false;
			en->unit->checkers[i]->on_lost(en, st, &o, &l);
		}
	ev_end(en, old);
	if (!at_return) {
		state_del_obj(st, id);
		forget_object_memory(en, st, id, loc, forgotten);
	}
}

/* Does every way on from block from to a return pass through block via?
 * (via post-dominates from; a way that never returns does not count.) */
static bool passes_through(struct engine *en, int from, int via)
{
	struct ir_func *fn = en->fn;
	int *stack, n = 0, s, k;
	bool *seen, found = false;

	if (from == via)
		return true;
	seen = xcalloc(fn->nblocks, sizeof(*seen));
	stack = xcalloc(fn->nblocks, sizeof(*stack));
	seen[from] = seen[via] = true;
	stack[n++] = from;
	while (n && !found) {
		const struct ir_block *blk = &fn->blocks[stack[--n]];

		if (blk->term == T_RETURN) {
			found = true;
			break;
		}
		for (k = 0; k < 2; k++) {
			if (blk->term == T_GOTO && k)
				break;
			if (blk->term != T_GOTO && blk->term != T_BRANCH)
				break;
			s = blk->succ[k];
			if (s >= 0 && s < fn->nblocks && !seen[s]) {
				seen[s] = true;
				stack[n++] = s;
			}
		}
	}
	free(seen);
	free(stack);
	return !found;
}

/* The edge of branch block b towards succ[taken ? 0 : 1] enters the body
 * of an if without else: its way on passes where the other edge goes.
 * Cached per function (en->rejoin: 0 unknown, 1 no, 2 yes). */
static bool edge_rejoins(struct engine *en, const struct ir_block *b,
			 bool taken)
{
	int bi = (int)(b - en->fn->blocks), k = taken ? 0 : 1;
	int s = b->succ[k], o = b->succ[1 - k];
	uint8_t *c;

	if (bi < 0 || bi >= en->fn->nblocks || s < 0 || o < 0 || s == o ||
	    s >= en->fn->nblocks || o >= en->fn->nblocks)
		return false;
	if (!en->rejoin)
		en->rejoin = xcalloc((size_t)en->fn->nblocks * 5, 1);
	c = &en->rejoin[bi * 2 + k];
	if (!*c)
		*c = passes_through(en, s, o) ? 2 : 1;
	return *c == 2;
}

/* Is block to reached from block from without passing through block
 * avoid (-1: none)? */
static bool reach(struct engine *en, int from, int to, int avoid)
{
	struct ir_func *fn = en->fn;
	int *stack, n = 0, k;
	bool *seen, found = false;

	if (avoid == from)
		return false;
	seen = xcalloc(fn->nblocks, sizeof(*seen));
	stack = xcalloc(fn->nblocks, sizeof(*stack));
	seen[from] = true;
	if (avoid >= 0)
		seen[avoid] = true;
	stack[n++] = from;
	while (n) {
		int cur = stack[--n];
		const struct ir_block *blk = &fn->blocks[cur];

		if (cur == to) {
			found = true;
			break;
		}
		for (k = 0; k < 2; k++) {
			int s;

			if ((blk->term == T_GOTO && k) ||
			    (blk->term != T_GOTO && blk->term != T_BRANCH))
				break;
			s = blk->succ[k];
			if (s >= 0 && s < fn->nblocks && !seen[s]) {
				seen[s] = true;
				stack[n++] = s;
			}
		}
	}
	free(seen);
	free(stack);
	return found;
}

static bool reached_avoiding(struct engine *en, int b, int avoid)
{
	return reach(en, 0, b, avoid);
}

/* Does block a dominate block b: b is reached from the entry, and only
 * through a? */
static bool dominates(struct engine *en, int a, int b)
{
	if (a == b)
		return true;
	return !reached_avoiding(en, b, a) && reached_avoiding(en, b, -1);
}

static bool loop_test(struct engine *en, const struct ir_block *b);

/*
 * A further test of a loop's condition: `for (i = 0; rv && i < n; i++)`
 * lowers to the head `if rv` and a block of its own `if (i < n)` that
 * leaves the loop for where the head leaves it.  Such a block holds no
 * statement, is entered only from tests of the loop, and has one edge
 * that stays in the loop and one that leaves it, and either leaves where
 * a test it is entered from leaves (`a && b`) or stays where that test
 * stays (`a || b`: the head goes into the body or on to `b`).  (`if
 * (stop) break;` first thing in the body is one too: the loop is `while
 * (x && !stop)`; an `if (!ok) return` there is not.)
 */
static bool condition_test(struct engine *en, const struct ir_block *b,
			   int bi)
{
	struct ir_func *fn = en->fn;
	int p, k, out, in = 0, same = 0;

	if (b->ninsns || b->term != T_BRANCH)
		return false;
	if (!en->loops)
		en->loops = cfg_loops(fn);
	k = cfg_edge_leaves_loop(en->loops, bi, b->succ[0]) ? 0 : 1;
	out = b->succ[k];
	if (!cfg_edge_leaves_loop(en->loops, bi, out) ||
	    cfg_edge_leaves_loop(en->loops, bi, b->succ[!k]))
		return false;
	for (p = 0; p < fn->nblocks; p++) {
		const struct ir_block *q = &fn->blocks[p];

		if (q->term != T_GOTO && q->term != T_BRANCH)
			continue;
		if (q->succ[0] != bi && (q->term != T_BRANCH || q->succ[1] != bi))
			continue;
		if (q->term != T_BRANCH || !loop_test(en, q))
			return false;
		in++;
		/* leaves where q leaves (a && b), or goes on where q goes on
		 * into the loop (a || b) */
		if (q->succ[0] == out || q->succ[1] == out ||
		    q->succ[0] == b->succ[!k] || q->succ[1] == b->succ[!k])
			same++;
	}
	return in > 0 && same > 0;
}

/* Is branch block b a loop's test: the head of a loop (it dominates a
 * block that jumps back to it: while, for) or its tail (a successor
 * dominates it: do ... while), or a further test of the head's
 * condition (condition_test())?  Cached in en->rejoin[2 * nblocks + b]. */
static bool loop_test(struct engine *en, const struct ir_block *b)
{
	struct ir_func *fn = en->fn;
	int bi = (int)(b - fn->blocks), p, k;
	uint8_t *c;

	if (bi < 0 || bi >= fn->nblocks)
		return false;
	if (!en->rejoin)
		en->rejoin = xcalloc((size_t)fn->nblocks * 5, 1);
	c = &en->rejoin[2 * fn->nblocks + bi];
	if (*c)
		return *c == 2;
	*c = 1;
	for (k = 0; k < 2 && *c == 1; k++)
		if (b->succ[k] >= 0 && b->succ[k] < fn->nblocks &&
		    dominates(en, b->succ[k], bi))
			*c = 2;
	for (p = 0; p < fn->nblocks && *c == 1; p++) {
		const struct ir_block *pb = &fn->blocks[p];

		for (k = 0; k < 2; k++) {
			if ((pb->term == T_GOTO && k) ||
			    (pb->term != T_GOTO && pb->term != T_BRANCH))
				break;
			if (pb->succ[k] == bi && dominates(en, bi, p)) {
				*c = 2;
				break;
			}
		}
	}
	if (*c == 1 && condition_test(en, b, bi))
		*c = 2;
	return *c == 2;
}

bool checkers_refute(struct engine *en, const struct state *st,
		     const struct ir_expr *cond, bool taken)
{
	int i;

	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->refutes &&
		    en->unit->checkers[i]->refutes(en, st, cond, taken))
			return true;
	return false;
}

void fire_branch(struct engine *en, struct state *st,
		 const struct ir_block *b, struct value c, bool taken,
		 bool forced)
{
	struct branch_info bi = { b->cond, c, taken, b->term_loc, forced,
				  edge_rejoins(en, b, taken),
				  loop_test(en, b), false };
	int bn = (int)(b - en->fn->blocks), to = b->succ[taken ? 0 : 1];

	/* the edge out of the loop (cached in en->rejoin[3 * nblocks +
	 * 2 * b + edge]) */
	/* or, from a branch in the body, the edge that breaks out of it
	 * (a break, a return): out of the innermost loop the branch is in,
	 * even when an outer loop comes back to it */
	if (to >= 0 && to < en->fn->nblocks) {
		uint8_t *lc = &en->rejoin[3 * en->fn->nblocks + 2 * bn +
					  (taken ? 0 : 1)];

		if (!*lc) {
			if (!en->loops)
				en->loops = cfg_loops(en->fn);
			*lc = cfg_edge_leaves_loop(en->loops, bn, to) ? 2 : 1;
		}
		bi.leaves_loop = *lc == 2;
	}
	struct ev_ctx old;
	int i;

	warned_branch(en, st, b->cond, taken);
	old = ev_begin(en, st, c.kind == V_OBJ || c.kind == V_PRED ||
			       c.kind == V_REL ? c.obj : LINK_NONE,
		       c.kind == V_REL ? (int32_t)c.c : LINK_NONE);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_branch) {
			en->queried = false;
			en->unit->checkers[i]->on_branch(en, st, &bi);
		}
	ev_end(en, old);
}

bool engine_passes_through(struct engine *en, int from, int via)
{
	if (from < 0 || via < 0 || from >= en->fn->nblocks ||
	    via >= en->fn->nblocks)
		return false;
	return passes_through(en, from, via);
}

int engine_cur_block(struct engine *en)
{
	return en->cur_block;
}
