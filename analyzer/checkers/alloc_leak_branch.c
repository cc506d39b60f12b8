// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak, the decisions of the path: which branch led to the leak
 * (the trace's "the branch that led to the path losing it" note), a
 * loop left at its first test with a count the path does not know, and
 * the decisions made after a lookup-or-create call.  alloc_leak.c asks
 * these before it reports (and the engine whether the path printed a
 * kernel warning, engine_path_warned()).
 */
#include <stdint.h>
#include <stdlib.h>

#include "checkers.h"
#include "../engine/apitable.h"
#include "../util/strvec.h"
#include "alloc_leak.h"

static int branch_slot;		/* object, a note: a = the last decision
				 * of the path since the allocation
				 * (loc_pack), b = its condition (the
				 * expression's address) | the edge taken */
int al_zero_trip_slot;	/* object: the path skipped a loop whose
				 * count it did not know (a = where) */
int al_found_slot;		/* object: from a lookup-or-create call,
				 * maybe a block it found (a = 1), and the
				 * path made a decision since that the
				 * engine could not evaluate (a = 2) */

/* the join keeps the side that decided more (uncertain first) */
static bool join_found(const struct slot_val *a, const struct slot_val *b,
		       struct slot_val *out)
{
	*out = !a ? *b : !b ? *a : a->a >= b->a ? *a : *b;
	return true;
}

/*
 * for (i = 0; i < queue->limit; i++) left at its first test, with a count
 * the path does not know: the loop ran zero times.  That count is a
 * queue's size, a table's length, nearly never 0 where the loop hands
 * the allocation over (entry->desc = addr + i * size); a leak found only
 * on such paths is not reported (a leak that does not depend on the loop
 * is reported from the paths that ran it).  The same loop written with
 * its test as a break (for (k = 0; ; k++) { l = j * per + k; if (l ==
 * fifo_len) break; ... }: s2io.c init_shared_mem()) is the same: a
 * break taken while the counter is still at a value the path knows.
 */
static bool zero_trip(struct engine *en, struct state *st,
		      const struct branch_info *b)
{
	struct value l, r;

	if (!b->leaves_loop || b->forced || !b->cond ||
	    b->cond->kind != EX_CMP || b->v.kind == V_CONST)
		return false;
	/* the counter (a variable, not a literal) still at a value the
	 * path knows, compared with a count it does not know */
	l = engine_eval(en, st, b->cond->a);
	r = engine_eval(en, st, b->cond->b);
	if (l.kind == V_CONST && r.kind != V_CONST)
		return b->cond->a->kind != EX_CONST;
	if (r.kind == V_CONST && l.kind != V_CONST)
		return b->cond->b->kind != EX_CONST;
	return false;
}

static void mark_zero_trip(struct engine *en, struct state *st,
			   const struct branch_info *b)
{
	struct slot_val v = { loc_pack(b->loc), 0 };
	int32_t ids[64];
	int n, i;

	n = engine_allocations(en, st, ids, 64);
	for (i = 0; i < n; i++)
		if (!slot_get(st, al_zero_trip_slot, ids[i]))
			slot_set(st, al_zero_trip_slot, ids[i], &v);
}

/*
 * The branch that led to the error path: each allocation of the path
 * keeps the last decision made since it was allocated.  Not a decision:
 * the edge into the body of an if without else (if (x) free_irq(...),
 * the unwind's own tests: the path comes back to where the other edge
 * goes), a loop's own test (it ends one way or another: the unwind's
 * while (--i >= 0)), a constant (the if (0) of a macro), and the test of
 * the allocation's own null-ness (its success is not the way to the
 * error).  A forced edge is one: the engine may have split the path at a
 * call already (ret = foo(); if (ret) goto err;).
 */
/*
 * A block from a lookup-or-create function (it returns one it found or
 * one it made, both non-NULL): the caller tells them apart by data, not
 * by the result (nfp conntrack.c compares the entry's cookie with the
 * zeros of a fresh one, and returns early when they match).  A decision
 * the engine could not evaluate, made after the call, may be that test:
 * a leak of the block at a place that not every way on from the decision
 * reaches is not certain.  Where the path decided nothing since, or only
 * what the block's known fields decide (a flag a fresh block is made
 * with: forced), or only what both ways come back from (min_t()), the
 * made block leaks whatever the data: reported.  al_found_slot: a = 1 +
 * the decisions kept, b = their blocks, 16 bits each (at most 4; more
 * is as uncertain as one not followed).
 */
#define FOUND_MAX 4

static void found_decided(struct engine *en, struct state *st, int32_t id,
			  const struct branch_info *b)
{
	const struct slot_val *f = slot_get(st, al_found_slot, id);
	struct slot_val v;
	int blk = engine_cur_block(en);

	if (!f || b->forced || f->a > FOUND_MAX)
		return;
	v = *f;
	if (blk < 0 || blk > 0xffff)
		v.a = FOUND_MAX + 1;
	else
		v.b = (int64_t)((uint64_t)v.b |
				((uint64_t)blk << (16 * (v.a++ - 1))));
	slot_set(st, al_found_slot, id, &v);
}

/* The lost event at the block being executed: a found block, lost where
 * a decision since the call did not have to lead. */
bool al_found_uncertain(struct engine *en, struct state *st, int32_t id)
{
	const struct slot_val *f = slot_get(st, al_found_slot, id);
	int i, at = engine_cur_block(en);

	if (!f)
		return false;
	if (f->a > FOUND_MAX)
		return true;
	for (i = 0; i < f->a - 1; i++)
		if (!engine_passes_through(en, (int)(((uint64_t)f->b >>
						      (16 * i)) & 0xffff), at))
			return true;
	return false;
}

void al_on_branch(struct engine *en, struct state *st,
		      const struct branch_info *b)
{
	int32_t ids[64];
	int n, i;

	if (engine_reporting(en) && zero_trip(en, st, b))
		mark_zero_trip(en, st, b);
	/* a loop left at its test: the unwind's loop may have freed what
	 * an array held, at indices the engine does not relate (while
	 * (--i >= 0) kfree(arr[i].priv) with i not known) */
	if (b->loop && b->leaves_loop)
		al_many_loop_left(st);
	/* if (0) of a macro (no_printk) is no decision */
	if (!engine_reporting(en) || b->rejoins || b->loop || !b->cond ||
	    (b->forced && b->cond->kind == EX_CONST))
		return;
	n = engine_allocations(en, st, ids, 64);
	for (i = 0; i < n; i++) {
		struct slot_val v = { loc_pack(b->loc),
				      (int64_t)(intptr_t)b->cond |
				      (b->taken ? 1 : 0) };
		struct objst tmp;
		const struct objst *o = engine_obj(en, st, ids[i], &tmp);

		if (!o || o->null == NL_NULL)
			continue;
		if ((b->v.kind == V_OBJ || b->v.kind == V_PRED ||
		     b->v.kind == V_REL) &&
		    (b->v.obj == ids[i] ||
		     (b->v.kind == V_REL && b->v.c == ids[i])))
			continue;
		found_decided(en, st, ids[i], b);
		slot_set(st, branch_slot, ids[i], &v);
	}
}

/* The "branch that led here" note of object id, if the path made a
 * decision since it was allocated: 0 or 1 notes filled. */
int al_branch_note(struct engine *en, struct state *st, int32_t id,
		       struct trace_note *n)
{
	const struct slot_val *v = slot_get(st, branch_slot, id);
	const struct ir_expr *cond;
	bool taken;
	char *c, *c2 = NULL;

	if (!v)
		return 0;
	cond = (const struct ir_expr *)(intptr_t)(v->b & ~(int64_t)1);
	taken = v->b & 1;
	/* !p taken is p NULL: say it of p */
	if (cond->kind == EX_NOT && cond->a && cond->a->is_ptr) {
		cond = cond->a;
		taken = !taken;
	}
	c = engine_cond_str(en, cond);
	n->file = NULL;
	n->loc = loc_unpack(v->a);
	if (!c)
		n->msg = xstrfmt("the branch that led to the path losing it: this condition is %s",
				 taken ? "true" : "false");
	else if (cond->is_ptr)
		n->msg = xstrfmt("the branch that led to the path losing it: '%s' is %s",
				 c, taken ? "not NULL" : "NULL");
	else if (cond->kind == EX_CMP && cond->sw_last && !taken &&
		 cond->a && (c2 = engine_cond_str(en, cond->a))) {
		n->msg = xstrfmt("the branch that led to the path losing it: the switch on '%s' matched none of its cases",
				 c2);
		if (cond->a->loc.line)
			n->loc = cond->a->loc;
	} else
		n->msg = xstrfmt("the branch that led to the path losing it: '%s' is %s",
				 c, taken ? "true" : "false");
	free(c);
	free(c2);
	return 1;
}

void al_branch_init(void)
{
	static const struct slot_def found = { "alloc-leak:found",
					       SLOT_OBJECT, join_found };
	static const struct slot_def branch = { "alloc-leak:branch",
						SLOT_OBJECT, NULL };
	static const struct slot_def zt = { "alloc-leak:zero-trip",
					    SLOT_OBJECT, al_join_either };

	al_found_slot = engine_slot_register(&found);
	branch_slot = engine_note_slot_register(&branch);
	al_zero_trip_slot = engine_slot_register(&zt);
}
