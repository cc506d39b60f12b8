// SPDX-License-Identifier: GPL-2.0
/*
 * A callee's summary, replayed at a call: its facts applied in the order
 * things happen in the callee (uses, frees, what it wrote), once per
 * return condition when they differ (the path goes on twice), and what
 * it returns (a fresh allocation, one of its arguments' places).  A rules
 * entry for the same function says what the table says; the summary adds
 * the rest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

static const struct fact *find_fact(const struct summary *s, int kind,
				    enum ret_cond cond)
{
	int i;

	for (i = 0; i < s->facts.n; i++)
		if (s->facts.v[i].kind == kind && s->facts.v[i].cond == cond)
			return &s->facts.v[i];
	return NULL;
}

static bool table_covers(const struct replay *r, const struct fact *f)
{
	const struct api_entry *api = r->api;
	char sub[16];

	if (!api)
		return false;
	if ((f->kind == core.ret_alloc || f->kind == core.ret_null) &&
	    (api->roles & (ROLE_ALLOC | ROLE_CHECK | ROLE_PASSTHRU)))
		return true;
	if (f->kind == core.free && (api->roles & ROLE_FREE)) {
		snprintf(sub, sizeof(sub), "$%d", api->free_arg);
		return !strcmp(f->subject, sub);
	}
	return false;
}

static bool says_value(const struct summary *s, const char *subject)
{
	int i;

	for (i = 0; i < s->facts.n; i++)
		if ((s->facts.v[i].kind == core.sets ||
		     s->facts.v[i].kind == core.points) &&
		    !strcmp(s->facts.v[i].subject, subject))
			return true;
	return false;
}

/* Apply one fact at the call; false when it makes the path impossible. */
static bool apply_fact(struct engine *en, struct state *st,
		       const struct replay *r, const struct fact *f)
{
	struct value v;
	int path;

	if (table_covers(r, f))
		return true;
	path = resolve_subject(en, st, r->call, f->subject, f->key, &v);
	if (f->kind == core.deref) {
		if (v.kind == V_OBJ)
			fire_deref_value(en, st, v, path, r->loc,
					 r->call->callee, &f->loc, f->file,
					 f->value != 0);
		return true;
	}
	if (f->kind == core.free) {
		struct free_info fi;

		memset(&fi, 0, sizeof(fi));
		fi.callee = r->call->callee;
		fi.api = f->str ? api_lookup(f->str) : NULL;
		fi.order = f->value;
		fi.via = r->call->callee;
		fi.via_loc = f->loc;
		fi.via_file = f->file;
		fi.loc = r->loc;
		do_free(en, st, v, NULL, &fi);
		return true;
	}
	if (f->kind == core.null) {
		/* ERR_PTR(-ENOMEM) is not NULL: a group that needs the
		 * constant argument to be NULL does not happen here */
		if (v.kind == V_CONST)
			return (v.c == 0) == (f->value != 0);
		if (v.kind == V_NONNULL || v.kind == V_ERRPTR)
			return f->value == 0;
		if (v.kind != V_OBJ)
			return true;
		return refine(en, st, v, f->value == 0);
	}
	if (f->kind == core.unlinks) {
		if (v.kind == V_OBJ)
			do_unlink(en, st, v.obj, r->loc);
		return true;
	}
	if (f->kind == core.writes_key) {
		if (f->key)
			forget_field_key(en, st, f->key, r->loc);
		return true;
	}
	if (f->kind == core.writes) {
		/* the callee wrote the place: not the value it held before
		 * (unless a sets/points fact says what it holds now) */
		struct value unk = mkv(V_UNK);

		if (path >= 0 && !says_value(r->sum, f->subject)) {
			en->assign_forgets = true;
			assign(en, st, path, &unk, NULL, r->loc);
			en->assign_forgets = false;
		}
		return true;
	}
	if (f->kind == core.sets || f->kind == core.points) {
		struct value nv = vconst(f->value);

		if (path < 0)
			return true;
		if (f->kind == core.points) {
			/* the value of the place the callee named: "$1" is
			 * the argument, whether or not it is an lvalue */
			nv = mkv(V_UNK);
			if (f->str)
				resolve_subject(en, st, r->call, f->str, NULL, &nv);
		}
		assign(en, st, path, &nv, NULL, r->loc);
		return true;
	}
	if (f->kind == core.ret_alloc || f->kind == core.ret_null ||
	    f->kind == core.ret_is)
		return true;	/* the return value: see replay_return */
	{
		const struct checker *owner = fact_kind_owner(f->kind);
		struct call_info ci = { r->call, r->api, r->args, r->nargs,
					r->fnargs, r->loc };

		if (owner && owner->on_fact)
			owner->on_fact(en, st, &ci, f, &v);
	}
	return true;
}

/* The callee's uses come first, its frees last: what it dereferences
 * it dereferences before it returns. */
static int replay_round(int kind)
{
	if (kind == core.deref)
		return 0;
	if (kind == core.writes || kind == core.writes_key)
		return 2;
	if (kind == core.sets || kind == core.points)
		return 3;
	return 1;
}

/*
 * The facts of the return condition cond (and those of any condition),
 * in the order things happen in the callee: it dereferences what it
 * uses, frees, then what it wrote is what its caller's memory holds.
 */
/* A checker's fact about what the callee returns ("gave up $ret": the
 * wrapper also registered the object it returns): applied once the call
 * has its result. */
static bool about_result(const struct fact *f)
{
	return fact_kind_owner(f->kind) && !strncmp(f->subject, "$ret", 4);
}

static bool apply_facts(struct engine *en, struct state *st,
			const struct replay *r, enum ret_cond cond)
{
	int i, round;

	for (round = 0; round < 4; round++)
		for (i = 0; i < r->sum->facts.n; i++) {
			const struct fact *f = &r->sum->facts.v[i];

			if ((f->cond != cond && f->cond != RC_ANY) ||
			    replay_round(f->kind) != round || about_result(f))
				continue;
			if (!apply_fact(en, st, r, f))
				return false;
		}
	return true;
}

static void apply_result_facts(struct engine *en, struct state *st,
			       const struct replay *r, enum ret_cond cond)
{
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];

		if ((f->cond == cond || f->cond == RC_ANY) && about_result(f))
			apply_fact(en, st, r, f);
	}
}

/* What the call returns, under cond: a fresh allocation, one of its
 * arguments' places, or nothing known.  Returns true when it set dest. */
static bool replay_return(struct engine *en, struct state *st,
			  const struct replay *r, enum ret_cond cond)
{
	const struct fact *a = find_fact(r->sum, core.ret_alloc, RC_ANY);
	const struct fact *is = find_fact(r->sum, core.ret_is, cond);
	struct value v;

	if (!is && cond != RC_ANY)
		is = find_fact(r->sum, core.ret_is, RC_ANY);
	if (a && !table_covers(r, a)) {
		bool may_null = find_fact(r->sum, core.ret_null, RC_ANY);
		struct objst *o;

		new_object(en, st, r->call, r->call->dest, r->loc,
			   (int)(a->value & 0xffff), may_null,
			   (int)(a->value >> 16) - 1, a->str);
		o = state_obj(st, r->call->site);
		if (o && cond != RC_ANY && may_null) {
			o->null = cond == RC_ZERO ? NL_NULL : NL_NONNULL;
			o->can_fail = 1;
		}
		return true;
	}
	if (is && is->str &&
	    (resolve_subject(en, st, r->call, is->str, is->key, &v), 1) &&
	    v.kind != V_UNK) {
		dest_assign(en, st, r->call, v, r->loc);
		return true;
	}
	return false;
}

/*
 * Replay the callee's summary.  Facts of every return condition apply
 * here; when the summary splits on the return value, *split gets a copy
 * of the path where the call returned 0 and st goes on where it returned
 * non-zero.  Returns true when it set the call's result.
 */
bool replay_summary(struct engine *en, struct state *st,
			   const struct replay *r, struct state **split,
			   bool *ends)
{
	struct state *z;
	bool zok, nok, set;

	if (!r->sum->split || *split) {
		if (!apply_facts(en, st, r, RC_ANY)) {
			*ends = true;
			return true;
		}
		set = replay_return(en, st, r, RC_ANY);
		apply_result_facts(en, st, r, RC_ANY);
		return set;
	}
	z = state_copy(st);
	zok = apply_facts(en, z, r, RC_ZERO);
	nok = apply_facts(en, st, r, RC_NONZERO);
	if (zok && !replay_return(en, z, r, RC_ZERO))
		dest_assign(en, z, r->call, vconst(0), r->loc);
	if (zok)
		apply_result_facts(en, z, r, RC_ZERO);
	set = replay_return(en, st, r, RC_NONZERO);
	if (!set)
		dest_assign(en, st, r->call, mkv(V_NONNULL), r->loc);
	if (nok)
		apply_result_facts(en, st, r, RC_NONZERO);
	if (!nok) {
		state_swap(st, z);
		nok = zok;
		zok = false;
	}
	if (!nok)
		*ends = true;
	if (zok)
		*split = z;
	else
		state_free(z);
	return true;
}
