// SPDX-License-Identifier: GPL-2.0
/*
 * Summaries as records.  In the summary pass, at each return of a
 * function, the checkers (and the engine's own core facts) write the facts
 * that hold on that path: "frees $0->buf", "$0 is NULL", "$ret is a fresh
 * slab allocation".  Paths are grouped by what they return (0, non-zero,
 * unknown).  A FACT_MUST fact survives when every path of its group has
 * it; a FACT_MAY fact when some path has it.  Paths returning something
 * unknown count in both groups.  When the two groups end up with the
 * same facts the summary does not depend on the return value (RC_ANY);
 * otherwise callers go on twice, once per group.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

int core_freed;			/* slot: freed on this path (core facts) */
int core_failed;		/* slot: an allocation failed on this path */
int core_callee_failed;		/* slot: a callee returned where its own
				 * allocation failed */
int core_arg_tested;	/* slot: a branch on a by-value argument */
int core_handover_failed;	/* slot: a success-only handover failed */

struct core_kinds core;

/* an allocation failed on both paths; the gfp_t parameter its failure
 * depends on (b, objst.gfp_arg) only where both say the same */
static bool join_failed(const struct slot_val *a, const struct slot_val *b,
			struct slot_val *out)
{
	if (!a || !b)
		return false;
	*out = *a;
	if (a->b != b->b)
		out->b = 0;
	return true;
}

/* freed on both paths to stay freed: a join never invents a free */
static bool join_both(const struct slot_val *a, const struct slot_val *b,
		      struct slot_val *out)
{
	if (!a || !b)
		return false;
	*out = *a;
	return true;
}

void facts_init(void)
{
	static const struct slot_def freed = {
		"core-freed", SLOT_OBJECT, join_both
	};

	if (fact_kinds_registered())
		return;
	core.deref = engine_fact_kind("deref", FACT_MAY, NULL);
	core.free = engine_fact_kind("free", FACT_MUST, NULL);
	core.last_ref = engine_fact_kind("last-ref", FACT_MUST, NULL);
	core.ret_alloc = engine_fact_kind("ret-alloc", FACT_MAY, NULL);
	core.ret_null = engine_fact_kind("ret-null", FACT_MAY, NULL);
	core.ret_null_absent = engine_fact_kind("ret-null-absent", FACT_MAY, NULL);
	core.ret_null_chosen = engine_fact_kind("ret-null-chosen", FACT_MAY, NULL);
	core.ret_null_gfp = engine_fact_kind("ret-null-gfp", FACT_MAY, NULL);
	core.ret_alloc_if = engine_fact_kind("ret-alloc-if", FACT_MAY, NULL);
	core.deref_if = engine_fact_kind("deref-if", FACT_MAY, NULL);
	core_register_subsumes();
	core.null = engine_fact_kind("null", FACT_MUST, NULL);
	core.writes = engine_fact_kind("writes", FACT_MAY, NULL);
	core.writes_key = engine_fact_kind("writes-field", FACT_MAY, NULL);
	core.sets = engine_fact_kind("sets", FACT_MUST, NULL);
	core.sets_bits = engine_fact_kind("sets-bits", FACT_MUST, NULL);
	core.points = engine_fact_kind("points", FACT_MUST, NULL);
	core.ret_is = engine_fact_kind("ret-is", FACT_MUST, NULL);
	core.ret_addr = engine_fact_kind("ret-addr", FACT_MUST, NULL);
	core.ret_sets = engine_fact_kind("ret-sets", FACT_MAY, NULL);
	core.ret_nonnull = engine_fact_kind("ret-nonnull", FACT_MUST, NULL);
	core.ret_neg = engine_fact_kind("ret-neg", FACT_MUST, NULL);
	core.ret_err_if = engine_fact_kind("ret-err-if", FACT_MUST, NULL);
	engine_fact_kind_qualifier(core.ret_neg);
	core.unlinks = engine_fact_kind("unlinks", FACT_MAY, NULL);
	core.out_alloc = engine_fact_kind("out-alloc", FACT_MUST, NULL);
	core.out_freed = engine_fact_kind("out-freed", FACT_MAY_COND, NULL);
	core.handover_failed = engine_fact_kind("handover-failed",
						FACT_MAY_COND, NULL);
	core.refs = engine_fact_kind("refs", FACT_MUST, NULL);
	core.held = engine_fact_kind("held", FACT_MAY, NULL);
	core.field_store = engine_fact_kind("field-store", FACT_MAY, NULL);
	core.field_release = engine_fact_kind("field-release", FACT_MAY, NULL);
	core.field_value = engine_fact_kind("field-value", FACT_MAY, NULL);
	core.field_nonnull = engine_fact_kind("field-nonnull", FACT_MAY, NULL);
	static const struct slot_def failed = {
		"core-alloc-failed", SLOT_GLOBAL, join_failed
	};
	static const struct slot_def arg_tested = {
		"core-arg-tested", SLOT_GLOBAL, join_both
	};
	static const struct slot_def callee_failed = {
		"core-callee-failed", SLOT_GLOBAL, join_both
	};
	static const struct slot_def handover_failed = {
		"core-handover-failed", SLOT_GLOBAL, join_both
	};

	core_freed = engine_slot_register(&freed);
	core_failed = engine_slot_register(&failed);
	core_callee_failed = engine_slot_register(&callee_failed);
	core_arg_tested = engine_slot_register(&arg_tested);
	core_handover_failed = engine_slot_register(&handover_failed);
	refs_init();
	retest_init();
	peers_init();
	warned_init();
	entry_view_init();
	purecall_init();
	sym_bits_init();
	param_copy_init();
}

/* ---- fact lists ---- */

void fact_list_add(struct fact_list *fl, int kind, enum ret_cond cond,
		   const char *subject, int64_t value, const char *str,
		   const char *key, const char *file, struct ir_loc loc)
{
	struct fact *f;

	if (fl->n == fl->alloc) {
		fl->alloc = fl->alloc ? fl->alloc * 2 : 8;
		fl->v = xrealloc(fl->v, fl->alloc * sizeof(*fl->v));
	}
	f = &fl->v[fl->n++];
	f->kind = kind;
	f->cond = cond;
	f->subject = xstrdup(subject);
	f->value = value;
	f->str = str ? xstrdup(str) : NULL;
	f->key = key ? xstrdup(key) : NULL;
	f->file = xstrdup(file ? file : "");
	f->loc = loc;
	f->sig = fact_kind_sig(f);
}

static void fact_copy_into(struct fact_list *fl, const struct fact *f,
			   enum ret_cond cond)
{
	fact_list_add(fl, f->kind, cond, f->subject, f->value, f->str, f->key,
		      f->file, f->loc);
}

void fact_list_clear(struct fact_list *fl)
{
	int i;

	for (i = 0; i < fl->n; i++) {
		free(fl->v[i].subject);
		free(fl->v[i].str);
		free(fl->v[i].key);
		free(fl->v[i].file);
	}
	free(fl->v);
	memset(fl, 0, sizeof(*fl));
}

static bool fact_same(const struct fact *a, const struct fact *b)
{
	return a->kind == b->kind && a->value == b->value &&
	       !strcmp(a->subject, b->subject);
}

bool has_fact(const struct fact_list *fl, const struct fact *f)
{
	int i;

	for (i = 0; i < fl->n; i++)
		if (fact_same(&fl->v[i], f))
			return true;
	return false;
}

/* dst = dst ∩ src */
static void intersect(struct fact_list *dst, const struct fact_list *src)
{
	struct fact_list out = { 0 };
	int i;

	for (i = 0; i < dst->n; i++)
		if (has_fact(src, &dst->v[i]))
			fact_copy_into(&out, &dst->v[i], dst->v[i].cond);
	fact_list_clear(dst);
	*dst = out;
}

/* The path found subject, or a pointer on the way to it, NULL (a null
 * fact of value 1): `if (!yld) return err;` frees neither yld nor
 * yld->ctl_data, and neither is there to free. */
static bool null_on(const struct fact_list *fl, const char *subject)
{
	size_t n = strlen(subject);
	int i;

	for (i = 0; i < fl->n; i++) {
		const struct fact *f = &fl->v[i];
		size_t k;

		if (f->kind != core.null || f->value != 1)
			continue;
		k = strlen(f->subject);
		if (k <= n && !strncmp(f->subject, subject, k) &&
		    (subject[k] == '\0' || !strncmp(subject + k, "->", 2)))
			return true;
	}
	return false;
}

/*
 * A free both paths make, with two deallocators (b44_free_consistent():
 * kfree() or dma_free_coherent() of the ring, as a flag says): the
 * summary frees the subject and does not say with what, so free-mismatch
 * has no deallocator to hold against the caller's block.
 */
static void free_by_either(struct fact *f, const struct fact_list *src)
{
	int i;

	for (i = 0; i < src->n; i++)
		if (fact_same(&src->v[i], f) && f->str &&
		    (!src->v[i].str || strcmp(src->v[i].str, f->str))) {
			free(f->str);
			f->str = NULL;
			return;
		}
}

/*
 * One more path of a return group: a FACT_MUST fact stays if this path
 * has it too, a FACT_MAY_COND fact is added if this path has it.  A free
 * also stays where the path found its subject NULL: `if (q->addr)
 * dma_pool_free(pool, q->addr, q->dma);` in a cleanup helper frees
 * q->addr whenever there is something to free (iwlwifi
 * iwl_txq_gen2_free_memory()); before, the helper freed nothing its
 * caller could see, and the caller's block leaked.
 */
static void merge_group(struct fact_list *dst, const struct fact_list *src,
			enum ret_cond cond)
{
	struct fact_list out = { 0 };
	int i;

	for (i = 0; i < dst->n; i++)
		if (fact_kind_merge(dst->v[i].kind) == FACT_MAY_COND ||
		    has_fact(src, &dst->v[i]) ||
		    (dst->v[i].kind == core.free &&
		     null_on(src, dst->v[i].subject))) {
			fact_copy_into(&out, &dst->v[i], dst->v[i].cond);
			if (dst->v[i].kind == core.free)
				free_by_either(&out.v[out.n - 1], src);
		}
	for (i = 0; i < src->n; i++)
		if ((fact_kind_merge(src->v[i].kind) == FACT_MAY_COND ||
		     (src->v[i].kind == core.free &&
		      null_on(dst, src->v[i].subject))) &&
		    !has_fact(&out, &src->v[i]))
			fact_copy_into(&out, &src->v[i], cond);
	fact_list_clear(dst);
	*dst = out;
}

static bool same_set(const struct fact_list *a, const struct fact_list *b)
{
	int i;

	for (i = 0; i < a->n; i++)
		if (!has_fact(b, &a->v[i]))
			return false;
	for (i = 0; i < b->n; i++)
		if (!has_fact(a, &b->v[i]))
			return false;
	return true;
}

/* ---- writing facts in the summary pass ---- */

void facts_begin(struct engine *en)
{
	memset(&en->acc, 0, sizeof(en->acc));
	memset(&en->pending, 0, sizeof(en->pending));
}

/* Remove fact i of fl (the order of the others is kept). */
static void fact_list_remove(struct fact_list *fl, int i)
{
	struct fact *f = &fl->v[i];

	free(f->subject);
	free(f->str);
	free(f->key);
	free(f->file);
	memmove(f, f + 1, (size_t)(fl->n - i - 1) * sizeof(*f));
	fl->n--;
}

/*
 * f is said by a fact of fl that holds at least as often (the kind's
 * subsumes predicate): nothing to add.  Otherwise the facts f says in
 * turn go.  A may-sleep fact under no condition makes the same fact
 * under conditions redundant; without this, a function that tests one
 * field many times (e1000_init_hw(): hw->mac_type) kept one fact per
 * combination of tests, 11,200 of them.
 */
/* A fact of fl holds at least as often as f (its kind's predicate). */
static bool said_by(const struct fact_list *fl, const struct fact *f,
		    fact_subsumes_fn sub, uint64_t sig)
{
	int i;

	for (i = 0; i < fl->n; i++)
		if (fl->v[i].kind == f->kind && !(fl->v[i].sig & ~sig) &&
		    !strcmp(fl->v[i].subject, f->subject) &&
		    sub(&fl->v[i], f))
			return true;
	return false;
}

bool fact_list_subsumed(struct fact_list *fl, const struct fact *f)
{
	fact_subsumes_fn sub = fact_kind_subsumes(f->kind);
	uint64_t sig = fact_kind_sig(f);
	int i;

	if (!sub)
		return false;
	if (said_by(fl, f, sub, sig))
		return true;
	for (i = fl->n - 1; i >= 0; i--)
		if (fl->v[i].kind == f->kind && !(sig & ~fl->v[i].sig) &&
		    !strcmp(fl->v[i].subject, f->subject) &&
		    sub(f, &fl->v[i]))
			fact_list_remove(fl, i);
	return false;
}

bool engine_may_fact_said(struct engine *en, int kind, const char *subject,
			  int64_t value, const char *str)
{
	struct fact f;

	fact_subsumes_fn sub = fact_kind_subsumes(kind);

	if (en->pass != PASS_SUMMARY || !sub)
		return false;
	memset(&f, 0, sizeof(f));
	f.kind = kind;
	f.subject = (char *)subject;
	f.value = value;
	f.str = (char *)str;
	return has_fact(&en->acc.may, &f) ||
	       said_by(&en->acc.may, &f, sub, fact_kind_sig(&f));
}

/* The list has its kind's cap of facts about f's subject already. */
static bool over_cap(const struct fact_list *fl, const struct fact *f)
{
	int cap = fact_kind_cap(f->kind), n = 0, i;

	if (!cap)
		return false;
	for (i = 0; i < fl->n; i++)
		if (fl->v[i].kind == f->kind &&
		    !strcmp(fl->v[i].subject, f->subject) && ++n >= cap)
			return true;
	return false;
}

/* f and a fact of the function say one fact together (the kind's merge
 * predicate): that one replaces the other, and is added in turn (it may
 * merge again, or say others).  True when f was merged. */
static bool merged(struct engine *en, const struct fact *f)
{
	fact_merge_fn mg = fact_kind_merger(f->kind);
	struct fact_list *fl = &en->acc.may;
	int i;

	for (i = 0; mg && i < fl->n; i++) {
		struct fact *g = &fl->v[i];
		char *str, *subject, *key;
		struct ir_loc loc;
		int64_t value;

		if (g->kind != f->kind || strcmp(g->subject, f->subject))
			continue;
		str = mg(g, f, &value);
		if (!str)
			continue;
		subject = xstrdup(g->subject);
		key = g->key ? xstrdup(g->key) : NULL;
		loc = g->loc;
		fact_list_remove(fl, i);
		add_may(en, f->kind, subject, value, str, key, loc);
		free(subject);
		free(key);
		free(str);
		return true;
	}
	return false;
}

void add_may(struct engine *en, int kind, const char *subject,
		    int64_t value, const char *str, const char *key,
		    struct ir_loc loc)
{
	struct fact f;

	memset(&f, 0, sizeof(f));
	f.kind = kind;
	f.subject = (char *)subject;
	f.value = value;
	f.str = (char *)str;
	if (has_fact(&en->acc.may, &f) || fact_list_subsumed(&en->acc.may, &f))
		return;
	if (merged(en, &f) || over_cap(&en->acc.may, &f))
		return;
	fact_list_add(&en->acc.may, kind, RC_ANY, subject, value, str, key,
		      en->fn->file, loc);
}

void engine_add_fact(struct engine *en, int kind, const char *subject,
		     int64_t value, const char *str, struct ir_loc loc)
{
	if (en->pass != PASS_SUMMARY || !subject)
		return;
	if (fact_kind_merge(kind) == FACT_MAY) {
		add_may(en, kind, subject, value, str, NULL, loc);
		return;
	}
	fact_list_add(&en->pending, kind, RC_ANY, subject, value, str, NULL,
		      en->fn->file, loc);
}

static void merge_path(struct engine *en, enum ret_cond cond,
		       const struct fact_list *pf)
{
	int i;

	if (!en->acc.seen[cond]) {
		en->acc.seen[cond] = true;
		for (i = 0; i < pf->n; i++)
			if (!has_fact(&en->acc.by[cond], &pf->v[i]))
				fact_copy_into(&en->acc.by[cond], &pf->v[i],
					       cond);
		return;
	}
	merge_group(&en->acc.by[cond], pf, cond);
}

void facts_return(struct engine *en, struct state *st,
		  const struct return_info *r)
{
	struct fact_list pf = { 0 };
	const char *subject = NULL;
	int i;

	ret_alloc_facts(en, st, r);
	entry_null_return(en, st, r);
	core_path_facts(en, st, r, &pf);
	refs_path_facts(en, st, r, &pf);
	for (i = 0; i < en->pending.n; i++)
		fact_copy_into(&pf, &en->pending.v[i], RC_ANY);
	fact_list_clear(&en->pending);
	/* return !p, return p == NULL: a NULL test of p.  (return p needs
	 * no split: $ret is p, and the caller's own test of it tests p.) */
	if (r->v.kind == V_PRED && r->cond == RC_UNKNOWN)
		subject = engine_subject(en, r->v.obj);
	if (subject) {
		/* return !p: non-zero exactly when p is NULL */
		bool null_when_nonzero = r->v.kind == V_PRED && r->v.pred_null;
		struct fact_list z = { 0 };

		for (i = 0; i < pf.n; i++)
			if (!(pf.v[i].kind == core.null &&
			      !strcmp(pf.v[i].subject, subject)))
				fact_copy_into(&z, &pf.v[i], RC_ANY);
		fact_list_add(&z, core.null, RC_ANY, subject, !null_when_nonzero,
			      NULL, sym_key(en, r->v.obj), en->fn->file, r->loc);
		merge_path(en, RC_ZERO, &z);
		z.v[z.n - 1].value = null_when_nonzero;
		merge_path(en, RC_NONZERO, &z);
		fact_list_clear(&z);
	} else {
		merge_path(en, r->cond, &pf);
	}
	fact_list_clear(&pf);
}

/* The caller's places this ERR_PTR() return needs NULL on entry: kept
 * when every path that returns an error pointer needs them. */
void facts_err_guards(struct engine *en, const struct fact_list *pf)
{
	struct fact_acc *a = &en->acc;
	int i;

	if (a->err_seen) {
		intersect(&a->errg, pf);
		return;
	}
	a->err_seen = true;
	for (i = 0; i < pf->n; i++)
		fact_copy_into(&a->errg, &pf->v[i], RC_ANY);
}

/* The constants a path left in the fresh allocation it returns: kept
 * when every path that returns one left them (paths returning anything
 * else, a static table's entry or an error, have no say). */
void facts_ret_fields(struct engine *en, const struct fact_list *pf)
{
	struct fact_acc *a = &en->acc;
	int i;

	if (a->ret_seen) {
		intersect(&a->retf, pf);
		return;
	}
	a->ret_seen = true;
	for (i = 0; i < pf->n; i++)
		fact_copy_into(&a->retf, &pf->v[i], RC_ANY);
}

static void take_all(struct fact_list *dst, const struct fact_list *src,
		     enum ret_cond cond, const struct fact_list *except)
{
	int i;

	for (i = 0; i < src->n; i++)
		if (!except || !has_fact(except, &src->v[i]))
			fact_copy_into(dst, &src->v[i], cond);
}

/*
 * The exploration dropped paths (past the hard step limit): a return
 * class may be missing whole, or hold paths without a fact every seen
 * path had.  A must fact is then a guess (acenic's ace_init(): only its
 * error paths were reached, so "frees $0->trace_buf" read as true on
 * success too, and the probe's own cleanup after it a double free).
 */
static void drop_must(struct fact_list *fl)
{
	struct fact_list out = { 0 };
	int i;

	for (i = 0; i < fl->n; i++)
		if (fact_kind_merge(fl->v[i].kind) != FACT_MUST)
			fact_copy_into(&out, &fl->v[i], fl->v[i].cond);
	fact_list_clear(fl);
	*fl = out;
}

/* Fold the return paths seen into the function's summary. */
void facts_finish(struct engine *en)
{
	struct fact_acc *a = &en->acc;
	struct summary *s = &en->self->sum;
	struct fact_list *z = NULL, *nz = NULL, qual = { 0 };

	if (en->truncated) {
		int c;

		for (c = 0; c < 4; c++)
			drop_must(&a->by[c]);
	}

	if (a->seen[RC_UNKNOWN]) {
		if (a->seen[RC_ZERO])
			merge_group(&a->by[RC_ZERO], &a->by[RC_UNKNOWN],
				    RC_ZERO);
		if (a->seen[RC_NONZERO])
			merge_group(&a->by[RC_NONZERO], &a->by[RC_UNKNOWN],
				    RC_NONZERO);
	}
	if (a->seen[RC_ZERO])
		z = &a->by[RC_ZERO];
	if (a->seen[RC_NONZERO]) {
		struct fact_list rest = { 0 };
		int i;

		/* a qualifier (ret-neg) only qualifies a split made by
		 * other facts: it must not split a summary by itself (the
		 * caller would then follow two paths where it followed one) */
		nz = &a->by[RC_NONZERO];
		for (i = 0; i < nz->n; i++) {
			int k = nz->v[i].kind;
			bool q = fact_kind_qualifier(k);

			fact_copy_into(q ? &qual : &rest, &nz->v[i],
				       nz->v[i].cond);
		}
		fact_list_clear(nz);
		*nz = rest;
	}
	if (!z && !nz && a->seen[RC_UNKNOWN])
		take_all(&s->facts, &a->by[RC_UNKNOWN], RC_ANY, NULL);
	else if (z && (!nz || same_set(z, nz)) && !(nz && !z))
		take_all(&s->facts, z, RC_ANY, NULL);
	else if (nz && !z)
		take_all(&s->facts, nz, RC_ANY, NULL);
	else if (z && nz) {
		struct fact_list common = { 0 };

		take_all(&common, z, RC_ANY, NULL);
		intersect(&common, nz);
		take_all(&s->facts, &common, RC_ANY, NULL);
		take_all(&s->facts, z, RC_ZERO, &common);
		take_all(&s->facts, nz, RC_NONZERO, &common);
		take_all(&s->facts, &qual, RC_NONZERO, NULL);
		s->split = true;
		fact_list_clear(&common);
	}
	fact_list_clear(&qual);
	take_all(&s->facts, &a->may, RC_ANY, NULL);
	take_all(&s->facts, &a->retf, RC_ANY, NULL);
	fact_list_clear(&a->retf);
	a->ret_seen = false;
	/* a guess when paths were dropped: an error return not seen may
	 * need nothing */
	if (!en->truncated)
		take_all(&s->facts, &a->errg, RC_ANY, NULL);
	fact_list_clear(&a->errg);
	a->err_seen = false;
	fact_list_clear(&a->by[RC_ANY]);
	fact_list_clear(&a->by[RC_ZERO]);
	fact_list_clear(&a->by[RC_NONZERO]);
	fact_list_clear(&a->by[RC_UNKNOWN]);
	fact_list_clear(&a->may);
	fact_list_clear(&en->pending);
}
