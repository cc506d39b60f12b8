// SPDX-License-Identifier: GPL-2.0
/*
 * Questions about the shape of a function's CFG, independent of any
 * state.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

static int nsucc(const struct ir_block *k)
{
	return k->term == T_BRANCH ? 2 : k->term == T_GOTO ? 1 : 0;
}

/* The successors of k that are blocks of the function, into s[2]. */
int cfg_succs(const struct ir_block *k, int nblocks, int *s)
{
	int n = 0, i, m = nsucc(k);

	for (i = 0; i < m; i++)
		if (k->succ[i] >= 0 && k->succ[i] < nblocks)
			s[n++] = k->succ[i];
	return n;
}

/*
 * Can the function return without running block b?  A walk from the entry
 * that never enters b, looking for a return.  A dereference in a block
 * that cannot be avoided happens on every call that returns; one in a
 * block that can be avoided depends on a condition (a flag, a count, a
 * mode) the caller may have made false.
 */
bool cfg_avoidable(const struct ir_func *fn, int b)
{
	bool *seen, found = false;
	int *stack, n = 0, i;

	if (b <= 0 || b >= fn->nblocks)
		return b != 0;
	seen = xcalloc(fn->nblocks, sizeof(*seen));
	stack = xcalloc(fn->nblocks, sizeof(*stack));
	seen[0] = seen[b] = true;
	stack[n++] = 0;
	while (n && !found) {
		const struct ir_block *k = &fn->blocks[stack[--n]];

		if (k->term == T_RETURN)
			found = true;
		for (i = 0; i < nsucc(k); i++) {
			int s = k->succ[i];

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

/* ---- counted loops ---- */

static bool is_var(const struct ir_expr *e, int var)
{
	return e && e->kind == EX_VAR && e->var == var;
}

/* Blocks reachable from start without entering avoid (fwd), or from
 * which avoid is reachable without passing through it (!fwd, over the
 * predecessor lists). */
static void reach(const struct ir_func *fn, int start, int avoid, bool fwd,
		  int **preds, const int *npreds, bool *seen)
{
	int *stack = xcalloc(fn->nblocks + 1, sizeof(*stack));
	int n = 0, i;

	if (start != avoid) {
		seen[start] = true;
		stack[n++] = start;
	}
	while (n) {
		int b = stack[--n];
		int m = fwd ? nsucc(&fn->blocks[b]) : npreds[b];

		for (i = 0; i < m; i++) {
			int s = fwd ? fn->blocks[b].succ[i] : preds[b][i];

			if (s >= 0 && s < fn->nblocks && s != avoid && !seen[s]) {
				seen[s] = true;
				stack[n++] = s;
			}
		}
	}
	free(stack);
}

/* The last assignment to var in block b: 1 and *c when a constant, 0
 * when none, -1 when anything else. */
static int last_const(const struct ir_block *b, int var, int64_t *c)
{
	int i;

	for (i = b->ninsns - 1; i >= 0; i--) {
		const struct ir_insn *in = &b->insns[i];

		if (in->kind == I_CALL && in->call && is_var(in->call->dest, var))
			return -1;
		if (in->kind != I_ASSIGN || !is_var(in->lhs, var))
			continue;
		if (!in->rhs || in->rhs->kind != EX_CONST)
			return -1;
		*c = in->rhs->ival;
		return 1;
	}
	return 0;
}

/* Is every assignment to var in the blocks of loop a step of +1, and is
 * there one? */
static bool unit_steps(const struct ir_func *fn, const bool *loop, int var)
{
	int b, i, steps = 0;

	for (b = 0; b < fn->nblocks; b++) {
		if (!loop[b])
			continue;
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];
			const struct ir_expr *r = in->rhs;

			if (in->kind == I_CALL && in->call &&
			    is_var(in->call->dest, var))
				return false;
			if (in->kind != I_ASSIGN || !is_var(in->lhs, var))
				continue;
			if (!r || r->kind != EX_ARITH || r->op != AR_ADD ||
			    !((is_var(r->a, var) && r->b &&
			       r->b->kind == EX_CONST && r->b->ival == 1) ||
			      (is_var(r->b, var) && r->a &&
			       r->a->kind == EX_CONST && r->a->ival == 1)))
				return false;
			steps++;
		}
	}
	return steps > 0;
}

/* Does every way into the loop come to its test c from a block that set
 * var to a constant no greater than max (through at most a few blocks
 * with one predecessor each)? */
static bool entered_below(const struct ir_func *fn, const bool *loop, int c,
			  int var, int64_t max, int **preds, const int *npreds,
			  const bool *live)
{
	int b, i, depth, entries = 0;

	for (b = 0; b < fn->nblocks; b++) {
		if (loop[b] || !live[b])
			continue;
		for (i = 0; i < nsucc(&fn->blocks[b]); i++) {
			int s = fn->blocks[b].succ[i], p = b, r = 0;
			int64_t c0 = 0;

			if (s < 0 || s >= fn->nblocks || !loop[s])
				continue;
			if (s != c)
				return false;	/* a second way in */
			for (depth = 0; depth < 8; depth++) {
				r = last_const(&fn->blocks[p], var, &c0);
				if (r || npreds[p] != 1 || loop[preds[p][0]])
					break;
				p = preds[p][0];
			}
			if (r != 1 || c0 > max)
				return false;
			entries++;
		}
	}
	return entries > 0;
}

/*
 * A counted loop leaves through its test with the count known:
 *
 *	for (i = 0; i < ARRAY_SIZE(addr); i++)
 *		if (found(addr[i]))
 *			break;
 *	if (i == ARRAY_SIZE(addr))
 *		return -ENODEV;
 *
 * Where the test i < K fails, i is K exactly when i entered the loop as
 * a constant no greater than K, the loop changes it only by i++ and no
 * one takes its address; so the path that ran the loop to its end takes
 * the return, and only a break reaches the code after it.  i <= K
 * leaves with K + 1, i != K with K.  For each block whose branch is such
 * a test: the variable, the successor that leaves and the value there.
 */
struct counter_exit *cfg_counter_exits(const struct ir_func *fn)
{
	struct counter_exit *out = xcalloc(fn->nblocks + 1, sizeof(*out));
	int **preds = xcalloc(fn->nblocks + 1, sizeof(*preds));
	int *npreds = xcalloc(fn->nblocks + 1, sizeof(*npreds));
	bool *fwd = xcalloc(fn->nblocks + 1, sizeof(*fwd));
	bool *bwd = xcalloc(fn->nblocks + 1, sizeof(*bwd));
	bool *live = xcalloc(fn->nblocks + 1, sizeof(*live));
	uint64_t *addressed = liveness_addressed_set(fn);
	int b, i;

	for (b = 0; b < fn->nblocks; b++) {
		out[b].var = -1;
		for (i = 0; i < nsucc(&fn->blocks[b]); i++) {
			int s = fn->blocks[b].succ[i];

			if (s < 0 || s >= fn->nblocks)
				continue;
			preds[s] = xrealloc(preds[s],
					    (npreds[s] + 1) * sizeof(**preds));
			preds[s][npreds[s]++] = b;
		}
	}
	/* the blocks the entry reaches: a dead block's edge is no way in */
	if (fn->nblocks)
		reach(fn, 0, -1, true, preds, npreds, live);
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bl = &fn->blocks[b];
		const struct ir_expr *e;
		bool truthy = true;
		int64_t value;
		int var, stay, k;

		if (bl->term != T_BRANCH || !bl->cond)
			continue;
		e = cond_truth(bl->cond, &truthy);
		if (e->kind != EX_CMP || !e->a || e->a->kind != EX_VAR ||
		    e->a->is_ptr || !e->b || e->b->kind != EX_CONST ||
		    (e->op != CMP_LT && e->op != CMP_LE && e->op != CMP_NE))
			continue;
		var = e->a->var;
		if (var < 0 || var >= fn->nvars ||
		    (fn->vars[var].kind != VAR_LOCAL &&
		     fn->vars[var].kind != VAR_TEMP) ||
		    e->b->ival > INT32_MAX || e->b->ival < INT32_MIN)
			continue;
		value = e->op == CMP_LE ? e->b->ival + 1 : e->b->ival;
		stay = truthy ? bl->succ[0] : bl->succ[1];
		if (stay < 0 || stay >= fn->nblocks || stay == b)
			continue;
		memset(fwd, 0, fn->nblocks * sizeof(*fwd));
		memset(bwd, 0, fn->nblocks * sizeof(*bwd));
		reach(fn, stay, b, true, preds, npreds, fwd);
		for (k = 0; k < npreds[b]; k++)
			if (fwd[preds[b][k]])
				reach(fn, preds[b][k], b, false, preds, npreds,
				      bwd);
		for (k = 0; k < fn->nblocks; k++)
			fwd[k] = fwd[k] && bwd[k];
		fwd[b] = true;
		if (!fwd[stay] || !unit_steps(fn, fwd, var) ||
		    !entered_below(fn, fwd, b, var, value, preds, npreds,
				   live) ||
		    liveness_in_set(addressed, var))
			continue;
		out[b].var = var;
		out[b].edge = truthy ? 1 : 0;
		out[b].value = value;
		out[b].expr = e->a;
	}
	for (b = 0; b < fn->nblocks; b++)
		free(preds[b]);
	free(preds);
	free(npreds);
	free(fwd);
	free(bwd);
	free(live);
	free(addressed);
	return out;
}

/*
 * Does every path from block b to a return call a function of the rules
 * tables with one of the roles (a `warns` line: WARN())?  A least fixed
 * point over the CFG: a block is "ahead" when it makes such a call, or
 * when it has successors and all of them are ahead; a loop that never
 * makes the call is not.  Cached per function in en->ahead (0 not asked,
 * 1 no, 2 yes, for the one role set asked).
 */
static bool block_calls_role(const struct ir_block *k, unsigned roles)
{
	const struct api_entry *api;
	int i;

	for (i = 0; i < k->ninsns; i++)
		if (k->insns[i].kind == I_CALL && k->insns[i].call->callee &&
		    (api = api_lookup(k->insns[i].call->callee)) &&
		    (api->roles & roles))
			return true;
	return false;
}

/* The successors a branch can take: both, or the one a constant the
 * block itself assigns to the tested variable selects (WARN(1, ...):
 * int __ret_warn_on = !!(1); if (unlikely(__ret_warn_on))). */
static int branch_succs(const struct ir_block *k, int *succ)
{
	const struct ir_expr *c = k->cond;
	int i;

	succ[0] = k->succ[0];
	succ[1] = k->succ[1];
	if (k->term != T_BRANCH)
		return nsucc(k);
	if (c && c->kind == EX_CONST)
		goto known;
	if (!c || c->kind != EX_VAR)
		return 2;
	for (i = k->ninsns - 1; i >= 0; i--) {
		const struct ir_insn *in = &k->insns[i];

		if (in->kind == I_CALL)
			return 2;
		if (in->kind == I_ASSIGN && in->lhs &&
		    in->lhs->kind == EX_VAR && in->lhs->var == c->var) {
			c = in->rhs;
			if (!c || c->kind != EX_CONST)
				return 2;
			goto known;
		}
	}
	return 2;
known:
	succ[0] = c->ival ? k->succ[0] : k->succ[1];
	return 1;
}

bool engine_calls_ahead(struct engine *en, unsigned roles)
{
	const struct ir_func *fn = en->fn;
	int b = en->cur_block, i, j;
	bool changed = true;

	if (b < 0 || b >= fn->nblocks)
		return false;
	if (!en->ahead || en->ahead_roles != roles) {
		free(en->ahead);
		en->ahead = xcalloc((size_t)fn->nblocks, 1);
		en->ahead_roles = roles;
		for (i = 0; i < fn->nblocks; i++)
			en->ahead[i] = block_calls_role(&fn->blocks[i], roles) ?
				       2 : 1;
		while (changed) {
			changed = false;
			for (i = 0; i < fn->nblocks; i++) {
				int succ[2];
				int n = branch_succs(&fn->blocks[i], succ);

				if (en->ahead[i] == 2 || !n)
					continue;
				for (j = 0; j < n; j++)
					if (succ[j] < 0 || succ[j] >= fn->nblocks ||
					    en->ahead[succ[j]] != 2)
						break;
				if (j == n) {
					en->ahead[i] = 2;
					changed = true;
				}
			}
		}
	}
	return en->ahead[b] == 2;
}

/* Is in the instruction looked for: at loc to, or (callee not NULL) a
 * call of callee? */
static bool insn_matches(const struct ir_insn *in, struct ir_loc to,
			 const char *callee)
{
	if (callee)
		return in->call && in->call->callee &&
		       !strcmp(in->call->callee, callee);
	return ir_loc_same(in->loc, to);
}

/*
 * Can an instruction at loc to (or a call of callee) run after the
 * instruction at loc from, on some path of the function?  The blocks
 * after from's, and the rest of from's own block.  False when from is
 * not an instruction of the function.
 */
static bool loc_reaches(const struct ir_func *fn, struct ir_loc from,
			struct ir_loc to, const char *callee)
{
	bool *seen, found = false;
	int b, i, fb = -1, fi = 0;

	for (b = 0; b < fn->nblocks && fb < 0; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++)
			if (ir_loc_same(fn->blocks[b].insns[i].loc, from)) {
				fb = b;
				fi = i;
				break;
			}
	if (fb < 0)
		return false;
	for (i = fi + 1; i < fn->blocks[fb].ninsns; i++)
		if (insn_matches(&fn->blocks[fb].insns[i], to, callee))
			return true;
	seen = xcalloc((size_t)fn->nblocks, sizeof(*seen));
	{
		int s[2], n = cfg_succs(&fn->blocks[fb], fn->nblocks, s);

		for (i = 0; i < n; i++)
			if (!seen[s[i]])
				reach(fn, s[i], -1, true, NULL, NULL, seen);
	}
	for (b = 0; b < fn->nblocks && !found; b++)
		for (i = 0; seen[b] && i < fn->blocks[b].ninsns; i++)
			if (insn_matches(&fn->blocks[b].insns[i], to, callee)) {
				found = true;
				break;
			}
	free(seen);
	return found;
}

bool engine_loc_reaches(struct engine *en, struct ir_loc from,
			struct ir_loc to)
{
	return loc_reaches(en->fn, from, to, NULL);
}

bool engine_loc_reaches_call(struct engine *en, struct ir_loc from,
			     const char *callee)
{
	return loc_reaches(en->fn, from, (struct ir_loc){ 0, 0 }, callee);
}

static bool block_calls_match(const struct ir_block *k,
			      bool (*match)(const struct api_entry *),
			      struct ir_loc *at, const char **callee)
{
	const struct api_entry *api;
	int i;

	for (i = 0; i < k->ninsns; i++)
		if (k->insns[i].kind == I_CALL && k->insns[i].call->callee &&
		    (api = api_lookup(k->insns[i].call->callee)) &&
		    match(api)) {
			if (at)
				*at = k->insns[i].loc;
			if (callee)
				*callee = k->insns[i].call->callee;
			return true;
		}
	return false;
}

/* The first block, in order, that the other edge of block bn's branch
 * reaches and the taken edge does not, with a call match() accepts: its
 * index, or -1; also -1 when a block of that part calls one exclude()
 * accepts. */
static int skipped_block(const struct ir_func *fn, int bn, bool taken,
			 bool (*match)(const struct api_entry *),
			 bool (*exclude)(const struct api_entry *))
{
	const struct ir_block *k = &fn->blocks[bn];
	int to = k->succ[taken ? 0 : 1], other = k->succ[taken ? 1 : 0];
	bool *from_other, *from_taken;
	int b, found = -1;

	if (k->term != T_BRANCH || to < 0 || to >= fn->nblocks ||
	    other < 0 || other >= fn->nblocks || to == other)
		return -1;
	from_other = xcalloc((size_t)fn->nblocks, sizeof(*from_other));
	from_taken = xcalloc((size_t)fn->nblocks, sizeof(*from_taken));
	reach(fn, other, to, true, NULL, NULL, from_other);
	reach(fn, to, -1, true, NULL, NULL, from_taken);
	for (b = 0; b < fn->nblocks; b++) {
		if (!from_other[b] || from_taken[b])
			continue;
		if (exclude &&
		    block_calls_match(&fn->blocks[b], exclude, NULL, NULL)) {
			found = -1;
			break;
		}
		if (found < 0 &&
		    block_calls_match(&fn->blocks[b], match, NULL, NULL))
			found = b;
	}
	free(from_other);
	free(from_taken);
	return found;
}

bool engine_skipped_call(struct engine *en, const struct branch_info *b,
			 bool (*match)(const struct api_entry *),
			 bool (*exclude)(const struct api_entry *),
			 struct ir_loc *at, const char **callee)
{
	const struct ir_func *fn = en->fn;
	int bn = en->cur_block, *slot, i;

	if (bn < 0 || bn >= fn->nblocks)
		return false;
	if (!en->skipped || en->skipped_match != match ||
	    en->skipped_exclude != exclude) {
		bool any = false;

		free(en->skipped);
		en->skipped = xcalloc((size_t)fn->nblocks * 2,
				      sizeof(*en->skipped));
		en->skipped_match = match;
		en->skipped_exclude = exclude;
		/* a function that makes no such call: every edge, none */
		for (i = 0; i < fn->nblocks && !any; i++)
			any = block_calls_match(&fn->blocks[i], match, NULL,
						NULL);
		if (!any)
			for (i = 0; i < fn->nblocks * 2; i++)
				en->skipped[i] = -1;
	}
	slot = &en->skipped[2 * bn + (b->taken ? 0 : 1)];
	if (!*slot) {
		int k = skipped_block(fn, bn, b->taken, match, exclude);

		*slot = k < 0 ? -1 : k + 1;
	}
	if (*slot < 0)
		return false;
	return block_calls_match(&fn->blocks[*slot - 1], match, at, callee);
}
