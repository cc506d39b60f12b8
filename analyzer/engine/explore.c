// SPDX-License-Identifier: GPL-2.0
/*
 * Path-sensitive exploration of one function.
 *
 * A worklist of (block, state) pairs, explored depth first.  A state seen
 * before at a block is not explored again (memoisation by hash), which
 * bounds loops: the state domain is finite because allocations are named
 * by their site, symbolic objects by their place, and integers are only
 * tracked as constants that arithmetic does not grow.  When a function's
 * budget of steps is spent, exploration goes on with one joined state per
 * block (see state_join): less precise, never silently wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

#define HARD_STEPS_FACTOR 8
/*
 * A step is one block; a call whose callee's summary holds hundreds of
 * facts (a driver's work handler calls a dozen functions that each write
 * half the adapter's fields) costs as much as hundreds of blocks.  The
 * budget counts both, so that such a function is joined, like a long
 * one, in seconds instead of minutes (lpfc_work_done(): 4 million facts
 * replayed in 20,000 steps, 44 s).
 */
#define REPLAYED_FACTS_PER_STEP 32

/* ---- the worklist ---- */

struct work {
	int block;
	int start;	/* first instruction: > 0 after a split in a call */
	struct state *st;
};

struct worklist {
	struct work *v;
	int n;
	int alloc;
};

static void push(struct worklist *wl, int block, int start, struct state *st)
{
	if (wl->n == wl->alloc) {
		wl->alloc = wl->alloc ? wl->alloc * 2 : 64;
		wl->v = xrealloc(wl->v, wl->alloc * sizeof(*wl->v));
	}
	wl->v[wl->n].block = block;
	wl->v[wl->n].start = start;
	wl->v[wl->n].st = st;
	wl->n++;
}

struct memo {
	uint64_t *h;
	int n;
	int alloc;
};

static bool memo_seen(struct memo *m, uint64_t h)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->h[i] == h)
			return true;
	if (m->n == m->alloc) {
		m->alloc = m->alloc ? m->alloc * 2 : 4;
		m->h = xrealloc(m->h, m->alloc * sizeof(*m->h));
	}
	m->h[m->n++] = h;
	return false;
}

static struct state *initial_state(struct engine *en)
{
	struct state *init = state_new();
	struct ev_ctx old;
	int i;

	/* parameters are symbolic objects so that summaries can say what
	 * happens to them */
	for (i = 0; i < en->fn->nvars; i++) {
		struct ir_var *var = &en->fn->vars[i];
		struct value v = mkv(V_OBJ);

		if (var->kind != VAR_PARAM || var->param < 0 ||
		    !(var->is_ptr || var->is_long))
			continue;
		v.obj = sym_param(en, var->param);
		state_set(init, path_root_var(en, i), &v);
	}
	refs_entry(en, init);
	old = ev_begin(en, init, LINK_NONE, LINK_NONE);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_entry) {
			en->queried = false;
			en->unit->checkers[i]->on_entry(en, init);
		}
	ev_end(en, old);
	return init;
}

static bool is_test(struct value v)
{
	return v.kind == V_PRED || v.kind == V_REL;
}

/*
 * err |= !p; err |= (NULL == q); if (err) return false;  (brcmsmac)
 * An error flag that folds in a NULL test with | is the test: the path
 * splits where the test is true (the flag is now non-zero) and where it
 * is false (the flag keeps its value), as if the code read
 * if (!p) err = 1;.  Only for a local flag.
 */
static bool fold_test(struct engine *en, struct state *st,
		      const struct ir_insn *in, int block, int i,
		      struct worklist *wl, bool *ends)
{
	const struct ir_expr *r = in->rhs;
	struct value a, b, t, keep;
	struct state *yes;
	int path;

	if (!r || r->kind != EX_ARITH || r->op != AR_OR || !r->b ||
	    r->is_ptr || !in->lhs || in->lhs->kind != EX_VAR ||
	    in->lhs->var < 0 || in->lhs->var >= en->fn->nvars ||
	    en->fn->vars[in->lhs->var].kind == VAR_GLOBAL)
		return false;
	a = eval(en, st, r->a);
	b = eval(en, st, r->b);
	if (is_test(b) && !is_test(a)) {
		t = b;
		keep = a;
	} else if (is_test(a) && !is_test(b)) {
		t = a;
		keep = b;
	} else {
		return false;
	}
	path = expr_path(en, in->lhs);
	if (path < 0)
		return false;
	scan_derefs(en, st, r, in->loc);
	yes = state_copy(st);
	if (refine(en, yes, t, true)) {
		struct value one = keep.kind == V_CONST ? vconst(keep.c | 1) :
				   mkv(V_NONNULL);

		assign(en, yes, path, &one, in->lhs, in->loc);
		push(wl, block, i + 1, yes);
	} else {
		state_free(yes);
	}
	if (!refine(en, st, t, false)) {
		*ends = true;
		return true;
	}
	assign(en, st, path, &keep, in->lhs, in->loc);
	return true;
}

static void exec_block(struct engine *en, struct state *st,
		       const struct ir_block *b, int block, int start,
		       struct worklist *wl, bool *ends)
{
	int i;

	for (i = start; i < b->ninsns && !*ends; i++) {
		const struct ir_insn *in = &b->insns[i];
		struct state *split = NULL;
		struct value v;

		switch (in->kind) {
		case I_ASSIGN:
			if (fold_test(en, st, in, block, i, wl, ends))
				break;
			scan_derefs(en, st, in->rhs, in->loc);
			if (in->lhs && in->lhs->kind != EX_VAR)
				scan_derefs(en, st, in->lhs, in->loc);
			v = eval(en, st, in->rhs);
			en->store_fn = in->rhs && in->rhs->kind == EX_FUNC ?
				       in->rhs->field : NULL;
			en->store_bits = store_bits(en, in);
			/* x &= ~K of an x of unknown bits: K's are clear now */
			if (v.kind == V_UNK && en->store_bits &&
			    !((uint64_t)en->store_bits & 0xffffffffu))
				v = vbits(0, (uint32_t)((uint64_t)en->store_bits >> 32),
					  true);
			en->store_rhs = in->rhs;
			if (expr_path(en, in->lhs) >= 0) {
				assign(en, st, expr_path(en, in->lhs), &v,
				       in->lhs, in->loc);
				if (in->lhs->is_record)
					copy_record(en, st, in->lhs, in->rhs,
						    in->loc);
			} else {
				assign_unnamed(en, st, in->lhs, &v, in->loc);
			}
			en->store_fn = NULL;
			en->store_bits = 0;
			en->store_rhs = NULL;
			break;
		case I_USE:
			scan_derefs(en, st, in->rhs, in->loc);
			break;
		case I_ESCAPE: {
			struct escape_info x = { eval(en, st, in->rhs),
						 in->rhs, in->loc };

			if (x.v.kind == V_OBJ)
				fire_escape(en, st, &x);
			break;
		}
		case I_CALL:
			exec_call(en, st, in, ends, &split);
			if (split)
				push(wl, block, i + 1, split);
			break;
		}
	}
}

/*
 * x |= K, x &= ~K (x = x | K): the bits (0..31) of the place the store
 * may set (low word) and may clear (high word), the others kept; 0 when
 * it may change any (a plain store, a mask past bit 31).  A callee's
 * summary says only these bits changed, and which way.
 */
int64_t store_bits(struct engine *en, const struct ir_insn *in)
{
	const struct ir_expr *r = in->rhs;
	uint64_t K, m;

	if (!r || r->kind != EX_ARITH || (r->op != AR_OR && r->op != AR_AND) ||
	    !r->a || !r->b || r->b->kind != EX_CONST || r->is_ptr ||
	    expr_path(en, r->a) != expr_path(en, in->lhs))
		return 0;
	K = (uint64_t)r->b->ival;
	if (r->op == AR_OR)
		return (K >> 32) || !K ? 0 : (int64_t)K;
	if ((K >> 32) != 0xffffffffu && (r->is_long || in->lhs->is_long))
		return 0;
	m = ~K & 0xffffffffu;
	return m ? (int64_t)(m << 32) : 0;
}

/* Does e read a place that a join past the budget left unknown? */
static bool reads_joined(struct engine *en, struct state *st,
			 const struct ir_expr *e)
{
	const struct value *v;
	int path;

	if (!e)
		return false;
	path = expr_path(en, e);
	if (path >= 0) {
		v = state_get(st, canon_path(en, st, path));
		return v && v->kind == V_TOP;
	}
	return reads_joined(en, st, e->a) || reads_joined(en, st, e->b);
}

/* The edge (succ index) of block b leaving a counted loop: the count is
 * known there (cfg_counter_exits()). */
static void counted_exit(struct engine *en, struct state *st,
			 const struct ir_block *b, int edge)
{
	const struct counter_exit *ce = &en->cexit[en->cur_block];
	struct value cur, v;
	int path;

	(void)b;
	if (ce->var < 0 || ce->edge != edge)
		return;
	path = expr_path(en, ce->expr);
	if (path < 0)
		return;
	path = canon_path(en, st, path);
	cur = load_path(en, st, path);
	if (cur.kind == V_CONST)
		return;
	v = vconst(ce->value);
	state_set(st, path, &v);
}

/*
 * The test of a polling loop (cfg_polling_tests()) reads memory that only
 * someone else changes while the loop waits: an integer field or global
 * it reads is taken as unknown each time, not as the value the path last
 * stored (ap->fw_running = 0 before the wait; the interrupt handler sets
 * it).
 */
static void forget_polled(struct engine *en, struct state *st,
			  const struct ir_expr *e)
{
	int path;

	if (!e)
		return;
	if (!e->is_ptr && !e->is_record &&
	    ((e->kind == EX_MEMBER && e->arrow) ||
	     (e->kind == EX_VAR && e->var >= 0 && e->var < en->fn->nvars &&
	      en->fn->vars[e->var].kind == VAR_GLOBAL))) {
		path = expr_path(en, e);
		if (path >= 0) {
			struct value unk = mkv(V_UNK);

			state_set(st, canon_path(en, st, path), &unk);
		}
		return;
	}
	if (e->kind == EX_MEMBER || e->kind == EX_ADDR)
		return;		/* p.f, &p->f: no read of the field */
	forget_polled(en, st, e->a);
	forget_polled(en, st, e->b);
}

bool param_unchanged(struct engine *en, int var)
{
	return var >= 0 && var < en->fn->nvars &&
	       en->fn->vars[var].kind == VAR_PARAM &&
	       en->fn->vars[var].param >= 0 && !en->fn->vars[var].is_ptr &&
	       en->written && !liveness_in_set(en->written, var);
}

/* Does e read a parameter passed by value, never assigned? */
static bool reads_arg(struct engine *en, const struct ir_expr *e)
{
	if (!e)
		return false;
	if (e->kind == EX_VAR)
		return param_unchanged(en, e->var);
	if (e->kind == EX_MEMBER || e->kind == EX_ADDR)
		return false;
	return reads_arg(en, e->a) || reads_arg(en, e->b);
}

static void exec_term(struct engine *en, struct state *st,
		      const struct ir_block *b, struct worklist *wl)
{
	struct value c;
	struct state *f;
	bool okf, okt;
	int way;

	switch (b->term) {
	case T_GOTO:
		push(wl, b->succ[0], 0, st);
		return;
	case T_BRANCH:
		scan_derefs(en, st, b->cond, b->term_loc);
		if (en->polling && en->polling[en->cur_block])
			forget_polled(en, st, b->cond);
		if (en->pass == PASS_SUMMARY && reads_arg(en, b->cond)) {
			static const struct slot_val yes = { 1, 0 };

			slot_set(st, core_arg_tested, 0, &yes);
		}
		c = eval(en, st, b->cond);
		f = state_copy(st);
		/* both edges refined first: each event says whether the
		 * other edge was open (a decision) */
		okf = refine(en, f, c, false) &&
		      !field_edge_impossible(en, f, b->cond, false) &&
		      !checkers_refute(en, f, b->cond, false);
		okt = refine(en, st, c, true) &&
		      !field_edge_impossible(en, st, b->cond, true) &&
		      !checkers_refute(en, st, b->cond, true);
		/* an earlier test of the same locals, or of the same two
		 * places, went one way (1 taken, 0 not, -1 no record) */
		way = retest_recorded(en, st, en->cur_block);
		if (way < 0)
			way = peers_recorded(en, st, en->cur_block, b->cond);
		if (way == 1)
			okf = false;
		else if (way == 0)
			okt = false;
		if (okf && okt && en->joining &&
		    reads_joined(en, st, b->cond))
			st->guess = f->guess = true;
		if (okf) {
			refine_var(en, f, b->cond, false);
			purecall_branch(en, f, b->cond);
			retest_record(en, f, en->cur_block, false);
			peers_record(en, f, en->cur_block, b->cond, false);
			counted_exit(en, f, b, 1);
			fire_branch(en, f, b, c, false, !okt);
			push(wl, b->succ[1], 0, f);
		} else {
			state_free(f);
		}
		if (okt) {
			refine_var(en, st, b->cond, true);
			purecall_branch(en, st, b->cond);
			retest_record(en, st, en->cur_block, true);
			peers_record(en, st, en->cur_block, b->cond, true);
			counted_exit(en, st, b, 0);
			fire_branch(en, st, b, c, true, !okf);
			push(wl, b->succ[0], 0, st);
		} else {
			state_free(st);
		}
		return;
	case T_RETURN:
		do_return(en, st, b);
		state_free(st);
		return;
	default:
		state_free(st);
		return;
	}
}

static void debug_state(struct engine *en, struct state *st)
{
	int i;

	fprintf(stderr, "  state: %d bindings, %d objects, %d slots\n",
		st->nb, st->no, st->ns);
	for (i = 0; i < st->nb; i++) {
		char *p = path_str(en, st->b[i].path);

		fprintf(stderr, "    %s = kind %d obj %d c %lld\n", p,
			st->b[i].v.kind, st->b[i].v.obj,
			(long long)st->b[i].v.c);
		free(p);
	}
	for (i = 0; i < en->nsyms && i < 40; i++)
		fprintf(stderr, "    sym %d kind %d base %d acc %s place %d subj %s\n",
			-i - 1, en->syms[i].kind, en->syms[i].base,
			en->syms[i].accessor ? en->syms[i].accessor : "-",
			en->syms[i].place,
			en->syms[i].subject ? en->syms[i].subject : "-");
	for (i = 0; i < st->no; i++)
		fprintf(stderr, "    obj %d null %d flags %x\n", st->o[i].id,
			st->o[i].null, st->o[i].flags);
	for (i = 0; i < st->ns; i++)
		fprintf(stderr, "    slot %s key %d %lld %lld\n",
			slot_def_of(st->s[i].type)->name, st->s[i].key,
			(long long)st->s[i].v.a, (long long)st->s[i].v.b);
}

/* Where a block starts, for the events fired there: its first located
 * instruction or terminator, else the first of the blocks it falls into
 * (an error branch that starts with dev_err()'s own tests). */
static struct ir_loc block_loc(const struct ir_func *fn,
			       const struct ir_block *b)
{
	int n;

	for (n = 0; b && n < 16; n++) {
		if (b->ninsns)
			return b->insns[0].loc;
		if (b->term_loc.line)
			return b->term_loc;
		if (b->term == T_BRANCH && b->cond && b->cond->loc.line)
			return b->cond->loc;
		if ((b->term != T_GOTO && b->term != T_BRANCH) ||
		    b->succ[0] < 0 || b->succ[0] >= fn->nblocks)
			break;
		b = &fn->blocks[b->succ[0]];
	}
	return fn->loc;
}

/*
 * Where a path that enters block b leaves the function, when it runs
 * there within a few blocks (an error branch: `dev_err(...); return
 * -EINVAL;`, `kfree(x); goto err;`): the return or the goto.  What a
 * variable that dies on entering b held is lost there.  Else where b
 * starts.
 */
static struct ir_loc exit_loc(const struct ir_func *fn,
			      const struct ir_block *b)
{
	const struct ir_block *s = b;
	int n;

	for (n = 0; n < 8; n++) {
		if ((s->term == T_RETURN || s->term == T_GOTO) &&
		    s->term_loc.line)
			return s->term_loc;
		if ((s->term != T_GOTO && s->term != T_BRANCH) ||
		    s->succ[0] < 0 || s->succ[0] >= fn->nblocks)
			break;
		s = &fn->blocks[s->succ[0]];
	}
	return block_loc(fn, b);
}

void engine_explore(struct engine *en)
{
	struct ir_func *fn = en->fn;
	struct memo *memo = xcalloc(fn->nblocks, sizeof(*memo));
	struct state **merged = NULL;
	struct worklist wl = { 0 };
	long steps = 0, work, budget = en->unit->budget;
	uint64_t *live = liveness_compute(fn);
	size_t first = en->unit->out ? en->unit->out->n : 0;
	int i;

	en->rejoin = NULL;
	en->ahead = NULL;
	en->skipped = NULL;
	en->loops = NULL;
	en->cexit = cfg_counter_exits(fn);
	en->retest = retest_prepare(fn);
	en->called_only_here = -1;
	en->peers = peers_prepare(fn);
	en->purecall = purecall_prepare(fn);
	en->walkers = liveness_walkers(fn);
	en->steppers = liveness_steppers(fn, false);
	en->written = liveness_written_set(fn);
	en->stored_addr = liveness_stored_addr_set(fn);
	en->polling = cfg_polling_tests(fn);
	en->nsites = fn->ncallsites;
	en->sites = xcalloc(fn->ncallsites + 1, sizeof(*en->sites));
	push(&wl, 0, 0, initial_state(en));
	while (wl.n) {
		struct work w = wl.v[--wl.n];
		struct state *st = w.st;
		bool ends = false;

		steps++;
		work = steps + en->replayed / REPLAYED_FACTS_PER_STEP;
		if (work > budget * HARD_STEPS_FACTOR) {
			en->truncated = true;
			state_free(st);
			continue;
		}
		if (work > budget && !merged) {
			merged = xcalloc(fn->nblocks, sizeof(*merged));
			en->joining = true;
			if (en->pass == PASS_REPORT)
				en->unit->nbudget_hit++;
			if (en->unit->verbose && en->pass == PASS_REPORT)
				fprintf(stderr, "kmemlint: %s: %s(): budget of %ld steps spent (%ld blocks, %ld callee facts), joining states\n",
					fn->file, fn->name, budget, steps,
					en->replayed);
			if (getenv("KMEMLINT_DEBUG_BUDGET"))
				debug_state(en, st);
		}
		/* what dies on entering the block is lost there */
		en->cur_block = w.block;
		if (!w.start)
			forget_dead_vars(en, st, live, w.block,
					 exit_loc(fn, &fn->blocks[w.block]));
		state_gc(en, st);
		st->hash = state_hash(st);
		if (merged && !w.start) {
			struct state *m = merged[w.block];

			if (m) {
				struct state *j = state_join(m, st);

				state_free(st);
				if (state_equal(j, m)) {
					state_free(j);
					continue;
				}
				state_free(m);
				merged[w.block] = j;
				st = state_copy(j);
			} else {
				merged[w.block] = state_copy(st);
			}
		} else if (!w.start && memo_seen(&memo[w.block], st->hash)) {
			state_free(st);
			continue;
		}
		en->cur_block = w.block;
		exec_block(en, st, &fn->blocks[w.block], w.block, w.start, &wl,
			   &ends);
		if (ends)
			state_free(st);
		else
			exec_term(en, st, &fn->blocks[w.block], &wl);
	}
	for (i = 0; i < fn->nblocks; i++) {
		free(memo[i].h);
		if (merged)
			state_free(merged[i]);
	}
	free(merged);
	en->steps = steps;
	en->joining = false;
	report_apply_vetoes(en, first);
	free(memo);
	free(wl.v);
	free(live);
	free(en->cexit);
	en->cexit = NULL;
	free(en->retest);
	en->retest = NULL;
	free(en->peers);
	en->peers = NULL;
	free(en->purecall);
	en->purecall = NULL;
	free(en->walkers);
	en->walkers = NULL;
	free(en->steppers);
	en->steppers = NULL;
	free(en->written);
	en->written = NULL;
	free(en->stored_addr);
	en->stored_addr = NULL;
	free(en->polling);
	en->polling = NULL;
	free(en->rejoin);
	en->rejoin = NULL;
	free(en->ahead);
	en->ahead = NULL;
	free(en->skipped);
	en->skipped = NULL;
	cfg_loops_free(en->loops);
	en->loops = NULL;
}
