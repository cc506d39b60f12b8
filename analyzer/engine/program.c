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
#include "../report/finding_io.h"
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
	size_t first;
	int nfuncs, hit;

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
	first = u->out ? u->out->n : 0;
	if (reuse_try(u, e, pass))
		return;
	reuse_begin(u, e);
	nfuncs = u->nfuncs;
	hit = u->nbudget_hit;
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
	reuse_end(u, e, pass, first, u->nfuncs - nfuncs,
		  u->nbudget_hit - hit);
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
	reuse_invalidate(u, 'U', name);	/* an entry now */
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

static struct summary *summary_of(struct unit *u, const char *name);

/* The hash of a summary given out: it no longer changes. */
static uint64_t summary_answer(struct summary *s)
{
	if (s && !s->rhash)
		s->rhash = reuse_hash_summary(s);
	return s ? s->rhash : 0;
}

struct summary *unit_summary(struct unit *u, const char *name,
			     const struct api_entry *api)
{
	struct unit_priv *up = (struct unit_priv *)u;
	struct summary *s;
	bool top = reuse_on(u);

	/* kmalloc, spin_lock...: the table, not the header's body.  A
	 * registrar (usb_fill_bulk_urb) is only read for its callback
	 * argument, a sink (platform_set_drvdata) for its owner argument:
	 * what its body does still applies; so does a borrower's, and a
	 * reference count initializer's (device_register()). */
	if (api && (api->roles & ~(ROLE_CALLBACK | ROLE_OWNER | ROLE_BORROW |
				   ROLE_REFINIT)) &&
	    !hmap_get(&up->main_set, name))
		return NULL;
	s = summary_of(u, name);
	if (top)
		reuse_note(u, 'S', name, 0, summary_answer(s));
	return s;
}

static struct summary *summary_of(struct unit *u, const char *name)
{
	struct fn_entry *e = get_entry(u, name);

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
	reuse_invalidate(u, 'S', name);
	reuse_invalidate(u, 'U', name);	/* its fail_conds */
	return e->skipped ? NULL : &e->sum;
}

/* Pure or not, and what it reads: not its id, which numbers the pure
 * functions in the order the unit met them. */
static uint64_t pure_hash(struct unit_priv *up, int id)
{
	const struct fn_entry *e;

	if (id < 0 || id >= up->npure)
		return 1;
	e = up->pure[id];
	return hash_bytes(e->reads, (size_t)e->nreads * sizeof(*e->reads),
			  hash_str(e->name)) | 2;
}

/* A function of the unit whose body has no effect (purecall.c): its id,
 * or -1. */
static int fn_pure(struct unit *u, const char *name, int depth)
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
		reuse_invalidate(u, 'P', name);
	}
	return e->pure > 0 ? e->pure - 1 : -1;
}

/* The same; the question an exploration asks (depth 0) is logged. */
int unit_fn_pure(struct unit *u, const char *name, int depth)
{
	bool top = depth == 0 && reuse_on(u);
	int id = fn_pure(u, name, depth);

	if (top)
		reuse_note(u, 'P', name, 0,
			   pure_hash((struct unit_priv *)u, id));
	return id;
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

/* The unit's entry of fn, else another file's function: what a success
 * test reads of it. */
static uint64_t fn_or_ext_hash(const struct fn_entry *e,
			       struct ext_fn *x)
{
	if (e)
		return ((uint64_t)e->fail_conds << 8 |
			(uint64_t)fn_rkind(e->fn) << 2) | 2;
	return x ? ext_fn_hash(x) | 1 : 0;
}

static void fn_or_ext(struct unit *u, const char *fn, struct fn_entry **pe,
		      struct ext_fn **px)
{
	bool top = reuse_on(u);

	*pe = hmap_get(&u->fns, fn);
	*px = *pe ? NULL : unit_ext_fn(u, fn);
	if (top)
		reuse_note(u, 'U', fn, 0, fn_or_ext_hash(*pe, *px));
}

/* Is cond a failure of fn, one it returns where an allocation (its own
 * or a callee's) failed? */
bool unit_alloc_failure(struct unit *u, const char *fn, enum ret_cond cond)
{
	struct fn_entry *e;
	struct ext_fn *x;
	unsigned f;
	int rkind;

	fn_or_ext(u, fn, &e, &x);
	f = e ? e->fail_conds : x ? x->fail_conds : 0;
	if (!(f & (1u << cond)))
		return false;
	rkind = e ? fn_rkind(e->fn) : x->returns_ptr ? RK_PTR :
		x->returns_bool ? RK_BOOL : RK_INT;
	return !unit_success(u, fn, cond, rkind);
}

bool unit_success(struct unit *u, const char *fn, enum ret_cond cond,
		  int rkind)
{
	struct fn_entry *e;
	struct ext_fn *x;
	unsigned f;

	fn_or_ext(u, fn, &e, &x);
	f = e ? e->fail_conds : x ? x->fail_conds : 0;
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
	fn_or_ext(en->unit, fn, &e, &x);
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

/* The initialisers that store fn, and whether there are any (a finding
 * after a question is of medium confidence). */
static uint64_t inits_hash(const struct ir_program *prog, const char *fn)
{
	uint64_t h = 0x452821e638d01377ULL + (prog->nfn_inits > 0);
	int i, k;

	for (i = 0; i < prog->nfn_inits; i++) {
		const struct ir_fn_init *fi = &prog->fn_inits[i];
		const char *s[4] = { fi->rec, fi->field, fi->var, fi->file };

		if (strcmp(fi->fn, fn))
			continue;
		for (k = 0; k < 4; k++)
			h = hash_bytes(s[k] ? s[k] : "",
				       s[k] ? strlen(s[k]) + 1 : 1, h);
		h = hash_bytes(&fi->loc, sizeof(fi->loc), h);
	}
	return h;
}

/* The ops-table initialisers of the unit and, in a scan, of the other
 * files of its module that store its functions; the caller reads those
 * of fn. */
int unit_fn_inits(struct unit *u, const char *fn,
		  const struct ir_fn_init **out)
{
	if (reuse_on(u))
		reuse_note(u, 'I', fn, 0, inits_hash(u->prog, fn));
	*out = u->prog->fn_inits;
	return u->prog->nfn_inits;
}

int engine_fn_inits(struct engine *en, const char *fn,
		    const struct ir_fn_init **out)
{
	int n = unit_fn_inits(en->unit, fn, out);

	if (n)
		engine_queried(en);
	return n;
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

void unit_query(struct unit *u, char kind, const char *name, int64_t arg)
{
	const struct field_rec *v;
	const struct ir_fn_init *fi;
	struct fn_entry *e;
	struct ext_fn *x;

	switch (kind) {
	case 'S':
		unit_summary(u, name, NULL);
		break;
	case 'X':
		unit_ext_fn(u, name);
		break;
	case 'U':
		fn_or_ext(u, name, &e, &x);
		break;
	case 'F':
		unit_field_facts(u, name, (uint64_t)arg, &v);
		reuse_note(u, 'F', name, arg,
			   unit_field_hash(u, name, (uint64_t)arg));
		break;
	case 'P':
		unit_fn_pure(u, name, 0);
		break;
	case 'R':
		reuse_note(u, 'R', name, 0, unit_reportable(u, name) ? 2 : 1);
		break;
	case 'I':
		unit_fn_inits(u, name, &fi);
		break;
	}
}

/* What every function's report pass reads of the unit alike. */
static uint64_t unit_key(const struct ir_program *prog,
			 const struct analyze_opts *opts)
{
	uint64_t h = hash_bytes(&opts->reuse_key, sizeof(opts->reuse_key),
				(uint64_t)opts->budget);
	int i;

	h = hash_bytes(&prog->consts, sizeof(prog->consts), h);
	for (i = 0; i < prog->nmain; i++)
		h = hash_bytes(prog->main_fns[i], strlen(prog->main_fns[i]) + 1,
			       h);
	return h;
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
	double t0, t1;
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
	{
		const char *c = getenv("KMEMLINT_REUSE_CHECK");

		u->check_reuse = c && *c && strcmp(c, "0");
	}
	if (opts->reuse_out || opts->reuse_in)
		u->reuse = reuse_new(opts->reuse_in, unit_key(prog, opts),
				     opts->reuse_out);
	t0 = mono_seconds();
	for (i = 0; i < prog->nmain; i++)
		unit_summary(u, prog->main_fns[i], NULL);
	t1 = mono_seconds();
	if (opts->dump_summaries)
		dump_summaries(&up, opts->dump_summaries);

	for (i = 0; i < prog->nmain; i++) {
		struct fn_entry *e = get_entry(u, prog->main_fns[i]);

		/* dead code: a static function nothing names (an unused
		 * test helper, a built-in __exit with no module_exit()) */
		if (e && !e->skipped && !e->fn->unreferenced)
			explore_fn(u, e, PASS_REPORT);
	}
	if (u->verbose && prog->nmain) {
		struct fn_entry *e = get_entry(u, prog->main_fns[0]);

		fprintf(stderr, "kmemlint: %s: summary pass %.2f s, report pass %.2f s\n",
			e ? e->fn->file : "", t1 - t0, mono_seconds() - t1);
	}
	if (opts->export)
		unit_export(u, opts->export);
	if (stats) {
		stats->functions += u->nfuncs;
		stats->budget_hit += u->nbudget_hit;
		reuse_stats(u->reuse, stats);
	}
	reuse_free(u->reuse);
	hmap_free(&u->fns, free_fn_entry);
	hmap_free(&u->ext_fns, ext_fn_free);
	hmap_free(&up.main_set, NULL);
	hmap_free(&up.calls, free_calls);
	free(up.pure);
	hmap_free(&u->strings, free);
	field_db_free(u->fields);
}
