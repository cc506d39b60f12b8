// SPDX-License-Identifier: GPL-2.0
/*
 * One translation unit: the summary pass, then the reporting pass.
 *
 * Summaries are computed bottom-up on demand: when a call to a function
 * of this unit is reached, the callee is explored first (recursion sees
 * no summary).  A header inline that the rules tables describe (kmalloc,
 * spin_lock) is not explored: the table says all there is to say.  The
 * reporting pass runs after every summary and field fact of the unit is
 * known, so the order of functions in the file does not matter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "engine_impl.h"
#include "../util/clock.h"
#include "../util/strvec.h"

#define MAX_SUMMARY_DEPTH 12
#define MAX_CALLEE_BLOCKS 400

struct calls_entry {
	struct strvec callees;
};

struct unit_priv {
	struct unit u;
	struct hmap main_set;	/* names of main-file functions */
	struct hmap calls;	/* caller -> struct calls_entry */
	struct fn_entry **pure;	/* the pure functions asked about, by id */
	int npure, apure;
};

static void engine_init(const struct checker *const *checkers, int n)
{
	static bool done;
	int i;

	if (done)
		return;
	done = true;
	facts_init();
	for (i = 0; i < n; i++)
		if (checkers[i]->init)
			checkers[i]->init();
}

/* --verbose names a function whose exploration took over a second: where
 * a slow file spends its time (callees' time is counted in their own
 * line and in their callers'). */
#define SLOW_FN_SECONDS 1.0

static void explore_fn(struct unit *u, struct fn_entry *e, int pass)
{
	struct ir_func *fn = e->fn;
	struct engine en;
	double t0 = u->verbose ? mono_seconds() : 0;

	if (fn->too_complex) {
		if (u->verbose && pass == PASS_SUMMARY)
			fprintf(stderr, "kmemlint: %s: %s(): too large to lower, skipped\n",
				fn->file, fn->name);
		e->skipped = true;
		return;
	}
	if (!fn->in_main_file && fn->nblocks > MAX_CALLEE_BLOCKS) {
		e->skipped = true;
		return;
	}
	if (u->dump_ir && fn->in_main_file && pass == PASS_REPORT)
		ir_dump(fn, stderr);
	memset(&en, 0, sizeof(en));
	en.unit = u;
	en.fn = fn;
	en.self = e;
	en.pass = pass;
	hmap_init(&en.symmap);
	hmap_init(&en.idx_fields);
	if (pass == PASS_SUMMARY) {
		facts_begin(&en);
		field_value_scan(&en);
	}
	engine_explore(&en);
	if (pass == PASS_SUMMARY)
		facts_finish(&en);
	else if (fn->in_main_file)
		u->nfuncs++;
	engine_paths_free(&en);
	free(en.sites);
	if (u->verbose && mono_seconds() - t0 > SLOW_FN_SECONDS)
		fprintf(stderr, "kmemlint: %s: %s(): %.1f s in the %s pass (%ld steps, %ld callee facts replayed)\n",
			fn->file, fn->name, mono_seconds() - t0,
			pass == PASS_SUMMARY ? "summary" : "report", en.steps,
			en.replayed);
}

static struct fn_entry *get_entry(struct unit *u, const char *name)
{
	struct fn_entry *e = hmap_get(&u->fns, name);
	struct ir_func *fn;

	if (e)
		return e;
	fn = u->prog->get(u->prog->ctx, name);
	if (!fn)
		return NULL;
	e = xcalloc(1, sizeof(*e));
	e->name = xstrdup(name);
	e->fn = fn;
	e->sum.key = xstrdup(fn->key);
	e->sum.name = xstrdup(fn->name);
	e->sum.file = xstrdup(fn->file);
	e->sum.stores_recorded = fn->in_main_file;
	hmap_put(&u->fns, name, e);
	return e;
}

struct summary *unit_summary(struct unit *u, const char *name,
			     const struct api_entry *api)
{
	struct unit_priv *up = (struct unit_priv *)u;
	struct fn_entry *e;

	/* kmalloc, spin_lock...: the table, not the header's body.  A
	 * registrar (usb_fill_bulk_urb) is only read for its callback
	 * argument, a sink (platform_set_drvdata) for its owner argument:
	 * what its body does still applies; so does a borrower's, and a
	 * reference count initializer's (device_register()). */
	if (api && (api->roles & ~(ROLE_CALLBACK | ROLE_OWNER | ROLE_BORROW |
				   ROLE_REFINIT)) &&
	    !hmap_get(&up->main_set, name))
		return NULL;
	e = get_entry(u, name);
	if (!e) {
		/* defined in another file of the scan? */
		struct ext_fn *x = unit_ext_fn(u, name);

		return x ? &x->sum : NULL;
	}
	if (e->done)
		return e->skipped ? NULL : &e->sum;
	if (e->in_progress || u->depth >= MAX_SUMMARY_DEPTH)
		return NULL;	/* recursion: no summary */
	e->in_progress = true;
	u->depth++;
	explore_fn(u, e, PASS_SUMMARY);
	u->depth--;
	e->in_progress = false;
	e->done = true;
	return e->skipped ? NULL : &e->sum;
}

/* A function of the unit whose body has no effect (purecall.c): its id,
 * or -1. */
int unit_fn_pure(struct unit *u, const char *name, int depth)
{
	struct unit_priv *up = (struct unit_priv *)u;
	struct fn_entry *e = get_entry(u, name);

	if (!e || !e->fn)
		return -1;
	if (!e->pure) {
		e->pure = -1;	/* a recursive call is not pure */
		if (ir_fn_pure(u, e->fn, depth, &e->reads, &e->nreads)) {
			if (up->npure == up->apure) {
				up->apure = up->apure ? 2 * up->apure : 8;
				up->pure = xrealloc(up->pure, up->apure *
						    sizeof(*up->pure));
			}
			up->pure[up->npure++] = e;
			e->pure = up->npure;
		}
	}
	return e->pure > 0 ? e->pure - 1 : -1;
}

/* The hashes of the field names pure function id reads. */
const uint32_t *unit_pure_reads(struct unit *u, int id, int *n)
{
	struct unit_priv *up = (struct unit_priv *)u;

	if (id < 0 || id >= up->npure) {
		*n = 0;
		return NULL;
	}
	*n = up->pure[id]->nreads;
	return up->pure[id]->reads;
}

/*
 * Success is what a function does not return when an allocation of its
 * own failed: 0 for most int functions, 1 for alloc_all_urbs() that
 * returns 0 on failure, non-NULL for pointers.  With no failure seen,
 * the kernel's convention.
 */
int fn_rkind(const struct ir_func *fn)
{
	return fn->returns_ptr ? RK_PTR : fn->returns_bool ? RK_BOOL : RK_INT;
}

bool unit_success(struct unit *u, const char *fn, enum ret_cond cond,
		  int rkind)
{
	struct fn_entry *e = hmap_get(&u->fns, fn);
	struct ext_fn *x = e ? NULL : unit_ext_fn(u, fn);
	unsigned f = e ? e->fail_conds : x ? x->fail_conds : 0;

	if (cond != RC_ZERO && cond != RC_NONZERO)
		return false;
	/* a bool function's success is true: an allocation tested NULL on
	 * a path it cannot take (an error flag folded with |= hides the
	 * correlation) must not turn that around */
	if (rkind == RK_BOOL)
		return cond == RC_NONZERO;
	if (f == 1u << RC_ZERO)
		return cond == RC_NONZERO;
	if (f == 1u << RC_NONZERO)
		return cond == RC_ZERO;
	/* a bool function's true, a pointer's non-NULL, an int's 0 */
	return cond == (rkind != RK_INT ? RC_NONZERO : RC_ZERO);
}

int64_t engine_ret_rec(struct engine *en, const struct return_info *r)
{
	if (!r->has_value)
		return -1;
	return (int64_t)r->cond | (int64_t)fn_rkind(en->fn) << 8;
}

bool engine_rec_success(struct engine *en, const char *fn, int64_t rec)
{
	struct fn_entry *e;
	struct ext_fn *x;
	int rkind;

	if (rec < 0)
		return true;
	e = hmap_get(&en->unit->fns, fn);
	x = e ? NULL : unit_ext_fn(en->unit, fn);
	rkind = e ? fn_rkind(e->fn) : !x ? (int)(rec >> 8) :
		x->returns_ptr ? RK_PTR : x->returns_bool ? RK_BOOL : RK_INT;
	engine_queried(en);
	return unit_success(en->unit, fn, (enum ret_cond)(rec & 0xff), rkind);
}

static struct calls_entry *calls_of(struct unit_priv *up, const char *caller)
{
	struct calls_entry *c = hmap_get(&up->calls, caller);
	struct ir_func *fn;
	int b, i;

	if (c)
		return c;
	c = xcalloc(1, sizeof(*c));
	strvec_init(&c->callees);
	hmap_put(&up->calls, caller, c);
	fn = up->u.prog->get(up->u.prog->ctx, caller);
	for (b = 0; fn && b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];

			if (in->kind == I_CALL && in->call->callee)
				strvec_push(&c->callees, in->call->callee);
		}
	return c;
}

int engine_fn_inits(struct engine *en, const struct ir_fn_init **out)
{
	*out = en->unit->prog->fn_inits;
	if (en->unit->prog->nfn_inits)
		engine_queried(en);
	return en->unit->prog->nfn_inits;
}

bool engine_fn_calls(struct engine *en, const char *caller,
		     const char *callee)
{
	struct unit_priv *up = (struct unit_priv *)en->unit;
	struct calls_entry *c;
	size_t i;

	if (!hmap_get(&up->main_set, caller))
		return false;
	c = calls_of(up, caller);
	for (i = 0; i < c->callees.n; i++)
		if (!strcmp(c->callees.v[i], callee)) {
			engine_queried(en);
			return true;
		}
	return false;
}

bool engine_call_summarized(struct engine *en, const struct call_info *c)
{
	if (!c->call->callee || !strcmp(c->call->callee, en->fn->name))
		return false;
	return unit_summary(en->unit, c->call->callee, c->api) != NULL;
}

int32_t engine_obj_within(struct engine *en, int32_t id)
{
	int depth;

	for (depth = 0; depth < 8; depth++) {
		const struct sym *s = sym_of(en, id);

		if (!s || s->kind != SYM_ADDR || s->base == LINK_NONE)
			break;
		id = s->base;
	}
	return id;
}

/* &base[i] of an index that is not constant, in a block the function
 * did not allocate: a place of its own, which the next i is not. */
bool engine_varying_element(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);

	return s && s->kind == SYM_ADDR && s->place >= 0 &&
	       en->paths[s->place].idx_expr && engine_obj_within(en, id) < 0;
}

int32_t engine_obj_of(struct engine *en, int32_t id)
{
	return obj_of(en, id);
}

const char *engine_intern(struct engine *en, const char *s)
{
	char *copy = hmap_get(&en->unit->strings, s);

	if (!copy) {
		copy = xstrdup(s);
		hmap_put(&en->unit->strings, s, copy);
	}
	return copy;
}

static void free_fn_entry(void *p)
{
	struct fn_entry *e = p;

	free(e->name);
	free(e->reads);
	summary_free(&e->sum);
	free(e);
}

static void free_calls(void *p)
{
	struct calls_entry *c = p;

	strvec_clear(&c->callees);
	free(c);
}

static void dump_summaries(struct unit_priv *up, FILE *f)
{
	int i;

	for (i = 0; i < up->u.prog->nmain; i++) {
		struct fn_entry *e = hmap_get(&up->u.fns, up->u.prog->main_fns[i]);

		if (e && e->done && !e->skipped)
			summary_write(f, &e->sum);
	}
	field_db_write(f, up->u.fields);
}

void analyze_program(const struct ir_program *prog,
		     const struct checker *const *checkers, int ncheckers,
		     const struct analyze_opts *opts,
		     struct finding_list *out, struct analyze_stats *stats)
{
	struct unit_priv up;
	struct unit *u = &up.u;
	int i;

	engine_init(checkers, ncheckers);
	memset(&up, 0, sizeof(up));
	u->prog = prog;
	u->ext = opts->ext;
	hmap_init(&u->ext_fns);
	hmap_init(&u->fns);
	hmap_init(&up.main_set);
	hmap_init(&up.calls);
	hmap_init(&u->strings);
	u->checkers = checkers;
	u->ncheckers = ncheckers;
	u->fields = field_db_new();
	u->out = out;
	u->budget = opts->budget > 0 ? opts->budget : 20000;
	u->verbose = opts->verbose;
	u->dump_ir = opts->dump_ir;
	for (i = 0; i < prog->nmain; i++)
		hmap_put(&up.main_set, prog->main_fns[i], (void *)1);
	for (i = 0; i < prog->nmain; i++)
		unit_summary(u, prog->main_fns[i], NULL);
	if (opts->dump_summaries)
		dump_summaries(&up, opts->dump_summaries);
	for (i = 0; i < prog->nmain; i++) {
		struct fn_entry *e = get_entry(u, prog->main_fns[i]);

		if (e && !e->skipped)
			explore_fn(u, e, PASS_REPORT);
	}
	if (opts->export)
		unit_export(u, opts->export);
	if (stats) {
		stats->functions += u->nfuncs;
		stats->budget_hit += u->nbudget_hit;
	}
	hmap_free(&u->fns, free_fn_entry);
	hmap_free(&u->ext_fns, ext_fn_free);
	hmap_free(&up.main_set, NULL);
	hmap_free(&up.calls, free_calls);
	free(up.pure);
	hmap_free(&u->strings, free);
	field_db_free(u->fields);
}
