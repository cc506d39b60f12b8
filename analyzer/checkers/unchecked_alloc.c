// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the result of an allocator that can fail is used
 * (dereferenced, indexed, member-accessed, passed to a function that
 * dereferences it) on a path where it was never compared against NULL.
 *
 * The engine does most of the work: allocations are born maybe-NULL,
 * branches refine them, a use makes them non-NULL.  A use while still
 * maybe-NULL and never checked is the bug; a use on the path where the
 * check said NULL is a NULL dereference.
 *
 * Across functions (the most common real fix, "add check for kzalloc"):
 * an allocation stored into a struct field or a global with no NULL check
 * before the function returns success, while another function of the file
 * dereferences that field without checking it.  Reported at the store,
 * with a note at the use.  Silent when a function that calls the storing
 * one tests the field itself, and when the block comes from a function
 * that also returns NULL where no allocation failed (CAN_FAIL_ABSENT: no
 * table, no feature): then NULL is a state the field is meant to have.
 * Also reported at the store when no function of the tree tests the
 * field at all ("add missing check for devm_kasprintf()": a name the
 * core reads, not the driver).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../util/strvec.h"

static int stored_slot;		/* object -> (store loc, field key) */
static int lost_slot;		/* object lost sight of -> the same */
static int lost_at_slot;	/* object lost sight of -> (loc, 0) */
static int k_deref;		/* field fact: dereferenced unchecked */
static int k_tested;		/* field fact: tested against NULL */
static int k_param_tested;	/* summary fact: tests argument $N against
				 * NULL */
static int k_stored_tested;	/* field fact: a block stored there tested
				 * against NULL or used by the storing
				 * function */

static char *alloc_note_msg(const struct obj_origin *org)
{
	if (org->via)
		return xstrfmt("allocated here by %s(), which returns memory from %s() that may be NULL",
			       org->callee, org->via);
	return xstrfmt("allocated here by %s(), which returns NULL on failure",
		       org->callee);
}

/* A field read through a parameter or a global, not checked yet. */
static void field_use(struct engine *en, const struct objst *o,
		      const struct deref_info *d)
{
	struct obj_origin org;

	if (o->null != NL_MAYBE || (o->flags & (OF_CHECKED | OF_DEREFED)) ||
	    !engine_origin(en, o->id, &org) || !org.field_key)
		return;
	/* fp->chmap in a static helper only ever called by the file: the
	 * summary's deref of $1->chmap is replayed at each call, where the
	 * caller may have tested the field (sound/usb have_dup_chmap()) */
	if (org.subject && org.subject[0] == '$' &&
	    engine_fn_called_only_here(en))
		return;
	engine_field_fact(en, org.field_key, k_deref, 0, d->via, d->loc);
}

static void on_deref(struct engine *en, struct state *st,
		     const struct deref_info *d)
{
	struct objst tmp;
	const struct objst *o = engine_obj(en, st, d->v.obj, &tmp);
	struct obj_origin org;
	struct trace_note notes[3];
	int n = 0;
	char *what, *msg;
	bool is_null;

	if (!o)
		return;
	if (o->id < 0) {
		field_use(en, o, d);
		return;
	}
	if (!o->can_fail)
		return;
	/* dereferenced before on this path: the first use was the finding
	 * (on the NULL side of a callee's summary, where the object stays
	 * NULL, every later use was reported again: saa7134's
	 * dev->video_dev = vdev_init(...) gave 8 findings for one bug) */
	if (o->null == NL_NONNULL || (o->flags & OF_DEREFED) ||
	    ((o->flags & OF_CHECKED) && o->null == NL_MAYBE))
		return;
	is_null = o->null == NL_NULL && (o->flags & OF_CHECKED);
	/* checked, found NULL, passed to a callee that dereferences it only
	 * under a condition of its own (a count the caller set to 0 on this
	 * path, a mode): the caller relies on that condition */
	if (is_null && d->via && !d->via_always)
		return;
	if (!engine_origin(en, o->id, &org) || !org.callee)
		return;
	what = engine_deref_str(en, d);
	/* a call's result passed straight on: f(g()) */
	if (engine_deref_is_result(en, d) && !is_null)
		msg = xstrfmt(d->via ? (d->kept ?
			      "the result of %s() is passed to %s(), which keeps it for later use, without a NULL check" :
			      "the result of %s() is passed to %s(), which dereferences it, without a NULL check") :
			      "the result of %s() is dereferenced without a NULL check",
			      org.callee, d->via);
	else if (d->via && d->via_field)	/* f(priv): priv->buf */
		msg = xstrfmt(is_null ?
			      "%s() dereferences '%s' on a path where it is NULL (allocated by %s())" :
			      "%s() dereferences '%s' from %s() without a NULL check",
			      d->via, what, org.callee);
	else if (d->via && is_null)
		msg = xstrfmt(d->kept ? "'%s' is passed to %s(), which keeps it for later use, on a path where it is NULL" :
			      "'%s' is passed to %s(), which dereferences it, on a path where it is NULL",
			      what, d->via);
	else if (d->via && d->kept)
		msg = xstrfmt("'%s' from %s() is passed to %s(), which keeps it for later use, without a NULL check",
			      what, org.callee, d->via);
	else if (d->via)
		msg = xstrfmt("'%s' from %s() is passed to %s(), which dereferences it, without a NULL check",
			      what, org.callee, d->via);
	else
		msg = xstrfmt(is_null ?
			      "'%s' is dereferenced on a path where it is NULL (allocated by %s())" :
			      "'%s' from %s() is dereferenced without a NULL check",
			      what, org.callee);
	notes[n].file = org.file;
	notes[n].loc = org.loc;
	notes[n++].msg = alloc_note_msg(&org);
	if (d->via && d->via_loc) {
		notes[n].file = d->via_file;
		notes[n].loc = *d->via_loc;
		notes[n++].msg = xstrfmt(d->kept ? "%s() passes it on here, to be kept" :
					 "%s() dereferences its argument here",
					 d->via);
	}
	notes[n].file = NULL;
	notes[n].loc = d->loc;
	notes[n++].msg = xstrfmt(is_null ? "used here, where the check above found it NULL" :
				 "used here, assumed non-NULL: add 'if (!%s) return -ENOMEM;' (or unwind) after the allocation",
				 what);
	free(what);
	engine_report(en, "unchecked-alloc", d->loc, msg, notes, n);
}

static void on_branch(struct engine *en, struct state *st,
		      const struct branch_info *b)
{
	struct obj_origin org;

	const char *key;

	/* the function tests an argument against NULL: a caller that
	 * passes a field tests the field (per_cpu_affinity_get(mask,
	 * entry->comp_vect_affinity) returns -EINVAL for a NULL one) */
	if (!engine_reporting(en) &&
	    (b->v.kind == V_OBJ || b->v.kind == V_PRED) &&
	    engine_subject_arg(engine_subject(en, b->v.obj)) >= 0)
		engine_add_fact(en, k_param_tested,
				engine_subject(en, b->v.obj), 0, NULL, b->loc);
	if ((b->v.kind == V_OBJ || b->v.kind == V_PRED) &&
	    engine_origin(en, b->v.obj, &org) && org.field_key)
		engine_field_fact(en, org.field_key, k_tested, 0, NULL, b->loc);
	/* the function tests the block it stored (tp->str = kstrdup(s);
	 * if (s && !tp->str)): the field is not one no one checks */
	if (!engine_reporting(en) && b->v.kind == V_OBJ && b->v.obj >= 0 &&
	    (key = engine_field_of(en, st, b->v.obj)))
		engine_field_fact(en, key, k_stored_tested, 0, NULL, b->loc);
}

/* A callee tests the argument a field's value was passed as. */
static void on_fact(struct engine *en, struct state *st,
		    const struct call_info *c, const struct fact *f,
		    const struct value *subj)
{
	struct obj_origin org;

	(void)st;
	if (f->kind != k_param_tested || engine_reporting(en) ||
	    subj->kind != V_OBJ || !engine_origin(en, subj->obj, &org) ||
	    !org.field_key)
		return;
	engine_field_fact(en, org.field_key, k_tested, 0,
			  c->call ? c->call->callee : NULL, c->loc);
}

/*
 * Not checked on this path: maybe NULL, or NULL without a test of the
 * program's (a wrapper's summary splits its result into a NULL path and
 * a non-NULL one, and the NULL path is as unchecked as the maybe).
 */
static bool unchecked(const struct objst *o)
{
	return o->null != NL_NONNULL &&
	       !(o->flags & (OF_CHECKED | OF_DEREFED));
}

static void on_store(struct engine *en, struct state *st,
		     const struct store_info *s)
{
	struct objst tmp;
	const struct objst *o;
	struct slot_val v;

	if (!s->field_key || !s->lhs || s->v.kind != V_OBJ || s->v.obj < 0)
		return;
	o = engine_obj(en, st, s->v.obj, &tmp);
	/* the storing function tested or used the block on this path: a
	 * path where it did not (a loop that ran no time) is reported at
	 * the use, not as a field no one checks */
	if (!engine_reporting(en)) {
		if (o && o->can_fail && !unchecked(o))
			engine_field_fact(en, s->field_key, k_stored_tested, 0,
					  NULL, s->loc);
		return;
	}
	/* a block whose creator also returns NULL for "none" (no table,
	 * no firmware feature): NULL is a state the field is meant to
	 * have, the readers' business, not a missing check at the store */
	if (!o || !o->can_fail || o->can_fail == CAN_FAIL_ABSENT ||
	    !unchecked(o))
		return;
	v.a = loc_pack(s->loc);
	v.b = (int64_t)(intptr_t)engine_intern(en, s->field_key);
	slot_set(st, stored_slot, o->id, &v);
}

/*
 * A use of key in another function, and no caller of ours tests it:
 * returns the use.  *never_tested: no function tests the field at all.
 */
static const struct field_rec *unchecked_elsewhere(struct engine *en,
						   const char *key,
						   bool *never_tested)
{
	const struct field_rec *v, *use = NULL;
	const char *self = engine_fn_name(en);
	int n = engine_field_facts(en, key,
				   FACT_BIT(k_tested) | FACT_BIT(k_deref) |
				   FACT_BIT(k_stored_tested), &v), i;

	*never_tested = true;
	for (i = 0; i < n; i++) {
		if (v[i].kind == k_stored_tested)
			*never_tested = false;
		if (v[i].kind == k_tested) {
			*never_tested = false;
			if (engine_fn_calls(en, v[i].fn, self))
				return NULL;
		}
		if (v[i].kind == k_deref && strcmp(v[i].fn, self) && !use)
			use = &v[i];
	}
	return use;
}

/*
 * Reported at the store: another function dereferences the field with
 * no check (use), or no function of the tree tests the field at all, so
 * nothing will ever notice the failed allocation (a name, a label, a
 * workqueue handed to the core).  The latter only when the caller says
 * the path could have reported the failure (never_ok), and in a field
 * that is not a member of a global (a driver structure handed to the
 * core, which reads and tests the member itself).
 */
static void report_store(struct engine *en, int32_t id, bool never_ok,
			 const struct slot_val *sv, struct ir_loc at,
			 const char *what_then)
{
	const char *key = (const char *)(intptr_t)sv->b;
	bool never_tested;
	const struct field_rec *use = unchecked_elsewhere(en, key,
							  &never_tested);
	struct trace_note notes[4];
	struct obj_origin org;
	char *msg;
	int n = 0;

	if (!engine_origin(en, id, &org) || !org.callee)
		return;
	if (use)
		msg = xstrfmt("%s() result stored in %s is not checked for NULL, and %s() dereferences it",
			      org.callee, key, use->fn);
	else if (never_tested && never_ok &&
		 !(key[0] == '@' && strpbrk(key, ".-")))
		msg = xstrfmt("%s() result stored in %s is never checked for NULL",
			      org.callee, key);
	else
		return;
	notes[n].file = org.file;
	notes[n].loc = org.loc;
	notes[n++].msg = alloc_note_msg(&org);
	notes[n].file = NULL;
	notes[n].loc = loc_unpack(sv->a);
	notes[n++].msg = xstrfmt("stored in %s here without a NULL check: add 'if (!...) return -ENOMEM;' before storing it",
				 key);
	notes[n].file = NULL;
	notes[n].loc = at;
	notes[n++].msg = xstrfmt("%s() %s", engine_fn_name(en), what_then);
	if (use) {
		notes[n].file = use->file;
		notes[n].loc = use->loc;
		notes[n++].msg = use->str ?
			xstrfmt("%s() passes it to %s(), which dereferences it, without a NULL check",
				use->fn, use->str) :
			xstrfmt("%s() dereferences it here without a NULL check",
				use->fn);
	}
	engine_report(en, "unchecked-alloc", loc_unpack(sv->a), msg, notes, n);
}

/*
 * Stored unchecked, and the engine loses sight of it (out_urbs[i] once
 * i moves on): it can no longer be checked on this path.  Reported if
 * the path goes on to return success; an error path (the check of a
 * sibling failed, goto unwind) tears the structure down.
 */
static void on_lost(struct engine *en, struct state *st,
		    const struct objst *o, const struct lost_info *l)
{
	const struct slot_val *sv = slot_get(st, stored_slot, o->id);
	struct slot_val at;

	if (!sv || !l->forgotten || !engine_reporting(en) || !unchecked(o))
		return;
	at.a = loc_pack(l->loc);
	at.b = 0;
	slot_set(st, lost_slot, o->id, sv);
	slot_set(st, lost_at_slot, o->id, &at);
}

/*
 * May a store of o be "never checked" on a return r?  Only where the
 * function could have reported the failure (not void: a callback that
 * fills a buffer it may do without), o is not also returned (the caller
 * tests what it gets), and o's NULL means the allocation failed
 * (can_fail 1: not "none", not the caller's choice of an argument).
 */
static bool never_ok(const struct objst *o, const struct return_info *r)
{
	return o && o->can_fail == 1 && r->has_value &&
	       !(r->v.kind == V_OBJ && r->v.obj == o->id);
}

static void on_return(struct engine *en, struct state *st,
		      const struct return_info *r)
{
	const struct slot_val *sv, *at;
	int32_t id;
	int pos = 0;

	if (!engine_reporting(en))
		return;
	if (!r->maybe_success)
		return;
	while (slot_iter(st, stored_slot, &pos, &id, &sv)) {
		struct objst tmp;
		const struct objst *o = engine_obj(en, st, id, &tmp);

		if (o && unchecked(o))
			report_store(en, id, never_ok(o, r), sv, r->loc,
				     "returns success here with the field maybe NULL");
	}
	pos = 0;
	while (slot_iter(st, lost_slot, &pos, &id, &sv)) {
		struct objst tmp;
		const struct objst *o = engine_obj(en, st, id, &tmp);

		at = slot_get(st, lost_at_slot, id);
		if (at)
			report_store(en, id, never_ok(o, r), sv,
				     loc_unpack(at->a),
				     "goes on to the next element here without checking it");
	}
}

static void init(void)
{
	static const struct slot_def def = { "unchecked-alloc:stored",
					     SLOT_OBJECT, NULL };

	static const struct slot_def lost = { "unchecked-alloc:lost",
					      SLOT_GLOBAL, NULL };
	static const struct slot_def lost_at = { "unchecked-alloc:lost-at",
						 SLOT_GLOBAL, NULL };

	stored_slot = engine_slot_register(&def);
	lost_slot = engine_slot_register(&lost);
	lost_at_slot = engine_slot_register(&lost_at);
	k_deref = engine_fact_kind("unchecked-deref", FACT_MAY,
				   &checker_unchecked_alloc);
	/* a witness: the first use of another function is the one named */
	engine_fact_kind_cap(k_deref, 4);
	k_tested = engine_fact_kind("null-tested", FACT_MAY,
				    &checker_unchecked_alloc);
	k_param_tested = engine_fact_kind("tests-null", FACT_MAY,
					  &checker_unchecked_alloc);
	k_stored_tested = engine_fact_kind("null-tested-stored", FACT_MAY,
					   &checker_unchecked_alloc);
}

const struct checker checker_unchecked_alloc = {
	.rule = "unchecked-alloc",
	.init = init,
	.on_deref = on_deref,
	.on_branch = on_branch,
	.on_fact = on_fact,
	.on_store = on_store,
	.on_lost = on_lost,
	.on_return = on_return,
};
