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

const struct fact *summary_fact(const struct summary *s, int kind,
				enum ret_cond cond)
{
	int i;

	for (i = 0; i < s->facts.n; i++)
		if (s->facts.v[i].kind == kind && s->facts.v[i].cond == cond)
			return &s->facts.v[i];
	return NULL;
}

/* The call's rules entry makes its result (alloc, check, passthru). */
static bool entry_makes_result(const struct replay *r)
{
	return r->api &&
	       (r->api->roles & (ROLE_ALLOC | ROLE_CHECK | ROLE_PASSTHRU));
}

bool replay_table_covers(const struct replay *r, const struct fact *f)
{
	const struct api_entry *api = r->api;
	char sub[16];

	if (!api)
		return false;
	if ((f->kind == core.ret_alloc || f->kind == core.ret_null) &&
	    entry_makes_result(r))
		return true;
	if (f->kind == core.free && (api->roles & ROLE_FREE)) {
		snprintf(sub, sizeof(sub), "$%d", api->free_arg);
		return !strcmp(f->subject, sub);
	}
	/* usb_get_urb()'s own kref_get(): the entry's get says it */
	if (f->kind == core.refs && (api->roles & ROLE_GET)) {
		snprintf(sub, sizeof(sub), "$%d", api->get_arg);
		return !strcmp(f->subject, sub);
	}
	return false;
}

/* Does a sets or points fact of the return condition cond say what the
 * place holds?  One of another condition says nothing of this return
 * (allocate_fw_buffers() of esas2r sets the field to 0 where the
 * allocation failed: the success return still wrote it). */
static bool says_value(const struct summary *s, const char *subject,
		       enum ret_cond cond)
{
	int i;

	for (i = 0; i < s->facts.n; i++)
		if ((s->facts.v[i].kind == core.sets ||
		     s->facts.v[i].kind == core.points) &&
		    (s->facts.v[i].cond == cond ||
		     s->facts.v[i].cond == RC_ANY) &&
		    !strcmp(s->facts.v[i].subject, subject))
			return true;
	return false;
}

/* The global slots of st, hashed: did a fact change the path's state? */
static uint64_t global_slots_hash(const struct state *st)
{
	uint64_t h = 1469598103934665603ULL;
	int i;

	for (i = 0; i < st->ns; i++) {
		if (slot_def_of(st->s[i].type)->scope != SLOT_GLOBAL)
			continue;
		h = (h ^ (uint64_t)st->s[i].type) * 1099511628211ULL;
		h = (h ^ (uint64_t)st->s[i].key) * 1099511628211ULL;
		h = (h ^ (uint64_t)st->s[i].v.a) * 1099511628211ULL;
		h = (h ^ (uint64_t)st->s[i].v.b) * 1099511628211ULL;
	}
	return h;
}

/* A fact of a checker's own kind: the checker replays it.  What it
 * changes is known from a summary: the object it is about, or, when it
 * changes the checker's global slots (a lock depth), the whole path for
 * that checker (the confidence of its findings, report.c). */
void replay_checker_fact(struct engine *en, struct state *st,
			 const struct checker *owner,
			 const struct call_info *ci, const struct fact *f,
			 const struct value *v)
{
	uint64_t before = global_slots_hash(st);
	struct ev_ctx old;
	int i;

	old = ev_begin(en, st, v->kind == V_OBJ ? v->obj : LINK_NONE,
		       LINK_NONE);
	en->queried = false;
	owner->on_fact(en, st, ci, f, v);
	ev_end(en, old);
	if (v->kind == V_OBJ)
		mark_inferred(en, st, v->obj);
	if (global_slots_hash(st) == before)
		return;
	for (i = 0; i < en->unit->ncheckers && i < 32; i++)
		if (en->unit->checkers[i] == owner)
			st->inferred_rules |= 1u << i;
}

/* Apply one fact at the call; false when it makes the path impossible. */
/*
 * A place the callee wrote, named as it was when the call began: the
 * callee's "$1->next" is the next field of what its argument pointed to
 * on entry, not of what an earlier fact of the same call made the
 * argument's expression point to (list_add_tail(new, head) is
 * __list_add(new, head->prev, head): once "$2->prev points $0" is
 * applied, head->prev is new, and "$1->next" must still be the old
 * last entry's next).  The place is canonical (rooted at the object
 * that was there), with the value a points fact copies.
 */
struct pre_place {
	bool set;
	int path;
	struct value v;		/* the subject's value */
	struct value src;	/* points: the source's value */
};

static bool writes_place(int kind)
{
	return kind == core.writes || kind == core.sets ||
	       kind == core.sets_bits || kind == core.points;
}

static bool apply_fact(struct engine *en, struct state *st,
		       enum ret_cond cond, const struct replay *r,
		       const struct fact *f, const struct pre_place *pp)
{
	struct value v;
	int path;

	if (replay_table_covers(r, f))
		return true;
	if (pp && pp->set) {
		path = pp->path;
		v = pp->v;
	} else {
		path = resolve_subject(en, st, r->call, f->subject, f->key,
				       &v);
	}
	if (f->kind == core.deref) {
		if (v.kind == V_OBJ && deref_reached(en, st, r, f->subject)) {
			struct guard_hint hints[MAX_GUARD_HINTS];
			int nh = en->pass == PASS_SUMMARY ?
				 caller_guards(en, st, r, f->subject, hints) : 0;

			en->guard_hints = hints;
			en->nguard_hints = nh;
			fire_deref_value(en, st, v, path, r->loc,
					 r->call->callee, &f->loc, f->file,
					 f->value != 0,
					 f->str && !strcmp(f->str, "kept"),
					 f->subject[0] == '$' &&
					 subject_below_root(f->subject));
			en->guard_hints = NULL;
			en->nguard_hints = 0;
			while (nh--)
				free(hints[nh].str);
			/* the event itself is the callee's: a finding it
			 * makes is replayed; a use does not change what
			 * is later said of the object */
		}
		return true;
	}
	if (f->kind == core.free) {
		/* the last reference's release, of a call whose result the
		 * caller drops: it cannot know it was the last, and holds a
		 * reference per call (refs.c) */
		if (r->call->result_unused && replay_last_ref_free(r, f))
			return true;
		replay_free(en, st, r, f, v);
		if (v.kind == V_OBJ)
			mark_inferred(en, st, obj_of(en, v.obj));
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
		if (!refine(en, st, v, f->value == 0))
			return false;
		mark_inferred(en, st, v.obj);
		return true;
	}
	if (f->kind == core.refs) {
		refs_get(en, st, v, f->value, r->loc);
		return true;
	}
	if (f->kind == core.unlinks) {
		if (v.kind == V_OBJ) {
			do_unlink(en, st, v.obj, r->loc);
			mark_inferred(en, st, v.obj);
		}
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

		if (f->str && !strcmp(f->str, GUARD_ENTRY_NULL) &&
		    entry_null_ruled_out(en, st, r->call, f->subject))
			return true;
		if (path >= 0 && !says_value(r->sum, f->subject, cond)) {
			/* only some bits of a flag word (x |= K): the
			 * others keep what the caller knew */
			if (f->value) {
				unk = bits_forget(load_path(en, st, path),
						  (uint64_t)f->value);
				en->store_bits = f->value;
			}
			en->assign_forgets = true;
			en->replay_recorded = r->sum->stores_recorded;
			assign(en, st, path, &unk, NULL, r->loc);
			en->assign_forgets = false;
			en->replay_recorded = false;
			en->store_bits = 0;
		}
		return true;
	}
	if (f->kind == core.sets_bits) {
		/* after the writes fact forgot the bits it may change: the
		 * ones the callee leaves known, over what the caller knew
		 * of the others */
		uint32_t s = 0, c = 0, fs = (uint32_t)f->value,
			 fc = (uint32_t)((uint64_t)f->value >> 32);
		struct value nv;

		if (path < 0)
			return true;
		if (!value_bits(load_path(en, st, path), &s, &c))
			s = c = 0;
		nv = vbits((s & ~fc) | fs, (c & ~fs) | fc, true);
		en->replay_recorded = r->sum->stores_recorded;
		en->store_bits = f->value;
		assign(en, st, path, &nv, NULL, r->loc);
		en->store_bits = 0;
		en->replay_recorded = false;
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
			if (pp && pp->set)
				nv = pp->src;
			else if (f->str)
				resolve_subject(en, st, r->call, f->str, NULL, &nv);
		}
		en->replay_recorded = r->sum->stores_recorded;
		assign(en, st, path, &nv, NULL, r->loc);
		en->replay_recorded = false;
		return true;
	}
	if (f->kind == core.out_alloc) {
		replay_out_alloc(en, st, r, f, path);
		return true;
	}
	if (f->kind == core.out_freed) {
		replay_out_freed(en, st, r, f, path);
		return true;
	}
	if (f->kind == core.handover_failed) {
		static const struct slot_val one = { 1, 0 };

		slot_set(st, core_handover_failed, 0, &one);
		return true;
	}
	if (f->kind == core.ret_alloc || f->kind == core.ret_null ||
	    f->kind == core.ret_is || f->kind == core.ret_alloc_if ||
	    f->kind == core.ret_addr ||
	    f->kind == core.ret_sets ||
	    f->kind == core.deref_if)
		return true;	/* the return value: see replay_return */
	{
		const struct checker *owner = fact_kind_owner(f->kind);
		struct call_info ci = { r->call, r->api, r->args, r->nargs,
					r->fnargs, r->loc, r->held };

		if (owner && owner->on_fact)
			replay_checker_fact(en, st, owner, &ci, f, &v);
	}
	return true;
}

/* The callee's uses come first, its frees last: what it dereferences
 * it dereferences before it returns. */
static int replay_round(const struct fact *f)
{
	int kind = f->kind;

	if (kind == core.deref)
		return 0;
	/* the block an argument points to is freed after what the callee
	 * freed through it: iscsi_target_login_sess_out() frees
	 * conn->conn_login (NULL there, a release before it cleared it) and
	 * then conn, and conn's fields are not known once conn is freed */
	if (kind == core.free && !subject_below_root(f->subject))
		return 2;
	if (kind == core.writes || kind == core.writes_key)
		return 3;
	if (kind == core.sets || kind == core.points ||
	    kind == core.sets_bits || kind == core.out_alloc ||
	    kind == core.out_freed || fact_kind_after_writes(kind))
		return 4;
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
	if (f->kind == core.points && f->str && !strcmp(f->str, "$ret"))
		return true;	/* *cf = what the call returns */
	return fact_kind_owner(f->kind) && !strncmp(f->subject, "$ret", 4);
}

static bool applies(const struct replay *r, const struct fact *f,
		    enum ret_cond cond)
{
	return (f->cond == cond || f->cond == RC_ANY ||
		(r->call->result_unused && fact_kind_if_ignored(f->kind))) &&
	       !about_result(f) && !replay_about_out_block(r->sum, f);
}

/* The places the callee wrote, resolved before any fact changes them;
 * NULL when it wrote none. */
static struct pre_place *pre_places(struct engine *en, struct state *st,
				    const struct replay *r,
				    enum ret_cond cond)
{
	struct pre_place *pre = NULL;
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		struct pre_place *p;

		if (!writes_place(f->kind) || !applies(r, f, cond) ||
		    replay_table_covers(r, f))
			continue;
		if (!pre)
			pre = xcalloc(r->sum->facts.n, sizeof(*pre));
		p = &pre[i];
		p->set = true;
		p->path = resolve_place(en, st, r->call, f->subject, f->key,
					&p->v);
		p->src = mkv(V_UNK);
		if (f->kind == core.points && f->str)
			resolve_subject(en, st, r->call, f->str, NULL, &p->src);
	}
	return pre;
}

static bool apply_facts(struct engine *en, struct state *st,
			const struct replay *r, enum ret_cond cond)
{
	struct pre_place *pre = pre_places(en, st, r, cond);
	bool ok = true;
	int i, round;

	for (round = 0; round < 5 && ok; round++)
		for (i = 0; i < r->sum->facts.n && ok; i++) {
			const struct fact *f = &r->sum->facts.v[i];

			if (replay_round(f) != round || !applies(r, f, cond))
				continue;
			en->replayed++;
			ok = apply_fact(en, st, cond, r, f,
					pre ? &pre[i] : NULL);
		}
	free(pre);
	return ok;
}

static void apply_result_facts(struct engine *en, struct state *st,
			       const struct replay *r, enum ret_cond cond)
{
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];

		if ((f->cond == cond || f->cond == RC_ANY) && about_result(f))
			apply_fact(en, st, cond, r, f, NULL);
	}
}

/*
 * Replay the callee's summary.  Facts of every return condition apply
 * here; when the summary splits on the return value, *split gets a copy
 * of the path where the call returned 0 and st goes on where it returned
 * non-zero.  Returns true when it set the call's result.
 */
static bool replay_facts(struct engine *en, struct state *st,
			 const struct replay *r, struct state **split,
			 bool *ends);

bool replay_summary(struct engine *en, struct state *st,
			   const struct replay *r, struct state **split,
			   bool *ends)
{
	const char *old = en->replay_file;
	bool set;

	en->replaying++;
	en->replay_file = r->sum ? r->sum->file : NULL;
	set = replay_facts(en, st, r, split, ends);
	en->replay_file = old;
	en->replaying--;
	return set;
}

/*
 * The path where the callee returned cond: when that is its failure and
 * an allocation failed on its returns of that class (snd_ctl_new()'s
 * -ENOMEM where kzalloc() failed), a NULL this function returns on the
 * path is a failed allocation's: snd_ctl_new1()'s `if (err < 0) return
 * NULL;` makes it a wrapper allocator that may fail, not one whose NULL
 * means "none".  Not an allocation of this function found NULL
 * (core_failed, which also decides which of its returns are failures):
 * the path may not look at the callee's result at all.
 */
static void callee_failed(struct engine *en, struct state *st,
			  const struct replay *r, enum ret_cond cond)
{
	static const struct slot_val yes = { 1, 0 };
	const char *fn = r->call->callee;

	if (!fn || slot_get(st, core_callee_failed, 0) ||
	    !unit_alloc_failure(en->unit, fn, cond))
		return;
	slot_set(st, core_callee_failed, 0, &yes);
}

static bool replay_facts(struct engine *en, struct state *st,
			 const struct replay *r, struct state **split,
			 bool *ends)
{
	struct state *z;
	struct value pre_any, pre_zero, pre_nonzero;
	bool zok, nok, set;

	/* a rules entry that makes the result already says what it is: a
	 * split would overwrite it with 0 and non-zero (__alloc_skb()
	 * defined in skbuff.c, whose summary splits on its NULL return,
	 * lost the entry's new skb at the call) */
	if (!r->sum->split || *split || entry_makes_result(r)) {
		pre_any = replay_ret_is_pre(en, st, r, RC_ANY);
		if (!apply_facts(en, st, r, RC_ANY)) {
			*ends = true;
			return true;
		}
		set = replay_return(en, st, r, RC_ANY, &pre_any);
		apply_result_facts(en, st, r, RC_ANY);
		return set;
	}
	pre_zero = replay_ret_is_pre(en, st, r, RC_ZERO);
	pre_nonzero = replay_ret_is_pre(en, st, r, RC_NONZERO);
	z = state_copy(st);
	zok = apply_facts(en, z, r, RC_ZERO);
	nok = apply_facts(en, st, r, RC_NONZERO);
	if (zok && !replay_return(en, z, r, RC_ZERO, &pre_zero))
		dest_assign(en, z, r->call, vconst(0), r->loc);
	if (zok) {
		apply_result_facts(en, z, r, RC_ZERO);
		callee_failed(en, z, r, RC_ZERO);
	}
	if (nok)
		callee_failed(en, st, r, RC_NONZERO);
	set = replay_return(en, st, r, RC_NONZERO, &pre_nonzero);
	/* a -errno where every failing return is one (snd_device_new()):
	 * the caller's `err < 0` then covers the whole failure */
	if (!set)
		dest_assign(en, st, r->call,
			    mkv(summary_fact(r->sum, core.ret_neg, RC_NONZERO) ?
				V_NEG : V_NONNULL), r->loc);
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
