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

/* The call's rules entry makes its result (alloc, check, passthru). */
static bool entry_makes_result(const struct replay *r)
{
	return r->api &&
	       (r->api->roles & (ROLE_ALLOC | ROLE_CHECK | ROLE_PASSTHRU));
}

static bool table_covers(const struct replay *r, const struct fact *f)
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
static void checker_fact(struct engine *en, struct state *st,
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

/* A "$N:eq" or "$N:ne" guard (core.c param_guard()): can the argument
 * the call passes meet it?  Only a constant argument can fail it. */
static bool param_guard_holds(struct engine *en, struct state *st,
			      const struct replay *r, const struct fact *f)
{
	const char *op = strchr(f->str, ':');
	char *subj = xstrdup(f->str);
	struct value v = mkv(V_UNK);

	subj[op - f->str] = '\0';
	resolve_subject(en, st, r->call, subj, NULL, &v);
	free(subj);
	if (v.kind != V_CONST)
		return true;
	if (!strcmp(op, ":eq"))
		return v.c == f->value;
	return !(v.c >= 0 && v.c < 64 &&
		 ((uint64_t)f->value & (1ULL << v.c)));
}

/*
 * A "A==B" guard (peers.c peers_guard()), the two places in the caller's
 * names: 1 when this path meets it, 0 when it cannot, -1 unknown; the
 * two places' caller paths in pa, pb.
 */
static int peer_guard_holds(struct engine *en, struct state *st,
			    const struct replay *r, const struct fact *f,
			    int *pa, int *pb)
{
	const char *eq = strstr(f->str, "==");
	char *a = xstrdup(f->str);
	struct value va = mkv(V_UNK), vb = mkv(V_UNK);
	int rel;

	a[eq - f->str] = '\0';
	*pa = resolve_subject(en, st, r->call, a, NULL, &va);
	*pb = resolve_subject(en, st, r->call, eq + 2, NULL, &vb);
	free(a);
	if (va.kind == V_CONST && vb.kind == V_CONST)
		return (va.c == vb.c) == (f->value != 0);
	rel = peers_relation(en, st, *pa, *pb);
	return rel < 0 ? -1 : rel == (f->value != 0);
}

/*
 * The guards of the callee's paths that reach its dereference of
 * subject, in the caller's names, for the caller's own deref-if facts
 * (core.c): setup_sge_queues_uld() reads adap->msix_info only under
 * CXGB4_USING_MSIX, and its caller cxgb4_uld_alloc_resources() does not
 * test the bit, so its summary must say the dereference needs it too.
 * A flag word of the caller's memory that this path does not know and
 * did not write keeps its bits; a parameter guard whose argument is one
 * of our parameters, never assigned, keeps its condition.  Returns 0
 * when some reaching path has no guard, or one we cannot name.
 */
static int caller_guards(struct engine *en, struct state *st,
			 const struct replay *r, const char *subject,
			 struct guard_hint *out)
{
	int i, n = 0;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		struct value v = mkv(V_UNK);
		uint32_t s, c, gs, gc, w;
		char *name = NULL;
		int path;

		if (f->kind != core.deref_if || strcmp(f->subject, subject))
			continue;
		if (!f->str || !strcmp(f->str, "*") || n == MAX_GUARD_HINTS)
			goto none;
		if (strstr(f->str, "==")) {
			int pa, pb, h = peer_guard_holds(en, st, r, f, &pa, &pb);
			char *na, *nb;

			if (!h)
				continue;	/* not this call's path */
			if (h > 0 || pa < 0 || pb < 0)
				goto none;	/* met: ours to say */
			na = store_subject(en, st, pa);
			nb = na ? store_subject(en, st, pb) : NULL;
			if (!na || !nb || wrote_subject(en, na) ||
			    wrote_subject(en, nb)) {
				free(na);
				free(nb);
				goto none;
			}
			name = xstrfmt("%s==%s", na, nb);
			free(na);
			free(nb);
		} else if (f->str[0] == '$' && strchr(f->str, ':')) {
			const char *op = strchr(f->str, ':');
			int k = atoi(f->str + 1), var;
			const struct ir_expr *a;

			if (!param_guard_holds(en, st, r, f))
				continue;	/* not this call's path */
			a = k >= 0 && k < r->call->nargs ? r->call->args[k] : NULL;
			var = a && a->kind == EX_VAR ? a->var : -1;
			if (!param_unchanged(en, var))
				goto none;
			name = xstrfmt("$%d%s", en->fn->vars[var].param, op);
		} else {
			path = resolve_subject(en, st, r->call, f->str, NULL, &v);
			if (value_bits(v, &s, &c)) {
				gs = (uint32_t)f->value;
				gc = (uint32_t)((uint64_t)f->value >> 32);
				if ((gs & c) || (gc & s))
					continue;	/* not this call's path */
				goto none;	/* met, or partly: ours to say */
			}
			name = path >= 0 ? store_subject(en, st, path) : NULL;
			/* the bits we changed are no longer the caller's */
			w = name ? written_bits(en, name) : 0xffffffffu;
			gs = (uint32_t)f->value & ~w;
			gc = (uint32_t)((uint64_t)f->value >> 32) & ~w;
			if (!name || (!gs && !gc)) {
				free(name);
				goto none;
			}
			out[n].str = name;
			out[n++].value = (int64_t)((uint64_t)gs |
						   ((uint64_t)gc << 32));
			continue;
		}
		out[n].str = name;
		out[n++].value = f->value;
	}
	return n;
none:
	while (n--)
		free(out[n].str);
	return 0;
}

/*
 * Does the callee reach its dereference of subject with what this caller
 * knows of its flag words?  Each deref-if fact names the bits one path
 * had (known set, known clear) where it dereferenced; a caller whose
 * bits contradict every one of them does not reach any.  Summaries
 * without deref-if facts (another version's database) always reach.
 */
static bool deref_reached(struct engine *en, struct state *st,
			  const struct replay *r, const char *subject)
{
	bool any = false;
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		uint32_t s, c, gs, gc;
		struct value v = mkv(V_UNK);

		if (f->kind != core.deref_if || strcmp(f->subject, subject))
			continue;
		any = true;
		if (!f->str || !strcmp(f->str, "*"))
			return true;
		if (strstr(f->str, "==")) {
			int pa, pb;

			if (peer_guard_holds(en, st, r, f, &pa, &pb))
				return true;
			continue;
		}
		if (f->str[0] == '$' && strchr(f->str, ':')) {
			if (param_guard_holds(en, st, r, f))
				return true;
			continue;
		}
		resolve_subject(en, st, r->call, f->str, NULL, &v);
		if (!value_bits(v, &s, &c))
			return true;
		gs = (uint32_t)f->value;
		gc = (uint32_t)((uint64_t)f->value >> 32);
		if (!(gs & c) && !(gc & s))
			return true;
	}
	return !any;
}

/* Apply one fact at the call; false when it makes the path impossible. */
/*
 * The callee left a new block in the caller's place (*out = kstrdup(),
 * out_facts.c out_block_fact()): after its writes, the place holds a block
 * of this call's site, as a wrapper's result does.  Not for a callee
 * that also returns a pointer, whose result is the site's object.
 */
static void out_alloc(struct engine *en, struct state *st,
		      const struct replay *r, const struct fact *f, int path)
{
	struct objst *o;
	int i;

	if (path < 0 || (r->call->dest && r->call->dest->is_ptr) ||
	    find_fact(r->sum, core.ret_alloc, RC_ANY))
		return;
	new_object_at(en, st, r->call, path, NULL, r->loc,
		      (int)(f->value & 0xffff),
		      (f->value >> 32) & 1,
		      (int)((f->value >> 16) & 0xffff) - 1, f->str);
	o = state_obj(st, r->call->site);
	if (o)
		o->inferred = 1;	/* a helper's allocation */
	/* what the checkers said of the block there (gave it up) */
	for (i = 0; o && i < r->sum->facts.n; i++) {
		const struct fact *g = &r->sum->facts.v[i];
		const struct checker *owner = fact_kind_owner(g->kind);
		struct call_info ci = { r->call, r->api, r->args, r->nargs,
					r->fnargs, r->loc, r->held };
		struct value v = vobj(o->id);

		if (owner && owner->on_fact && !strcmp(g->subject, f->subject) &&
		    (g->cond == f->cond || g->cond == RC_ANY ||
		     f->cond == RC_ANY))
			checker_fact(en, st, owner, &ci, g, &v);
	}
}

/* The callee's free (a `free` or `out-freed` fact, str its deallocator,
 * value the order) of v, at the call. */
static void replay_free(struct engine *en, struct state *st,
			const struct replay *r, const struct fact *f,
			struct value v)
{
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
}

/*
 * The callee allocated a block, stored it in the caller's place and
 * freed it without clearing the place (out_facts.c): after its writes, the
 * place holds a block of this call's site that is already freed, so
 * the caller's own free of the place frees it again.
 */
static void out_freed(struct engine *en, struct state *st,
		      const struct replay *r, const struct fact *f, int path)
{
	struct objst *o;

	/* every failure of the callee is a -errno: the caller's `< 0`
	 * test sees this path as the failure it is */
	if (path < 0 || (r->call->dest && r->call->dest->is_ptr) ||
	    find_fact(r->sum, core.ret_alloc, RC_ANY) ||
	    find_fact(r->sum, core.out_alloc, RC_ANY) ||
	    !(find_fact(r->sum, core.ret_neg, RC_NONZERO) ||
	      find_fact(r->sum, core.ret_neg, RC_ANY)))
		return;
	en->no_field_store = true;
	new_object_at(en, st, r->call, path, NULL, r->loc, -1, 0, -1,
		      f->str);
	en->no_field_store = false;
	o = state_obj(st, r->call->site);
	if (o)
		o->flags |= OF_LEFT_FREED;
	replay_free(en, st, r, f, vobj(r->call->site));
	mark_inferred(en, st, r->call->site);
}

/* A checker's fact about a place where the callee leaves a new block:
 * replayed with the block (out_alloc()), not on what the place held. */
static bool about_out_block(const struct summary *s, const struct fact *f)
{
	int i;

	if (!fact_kind_owner(f->kind) || f->subject[0] != '$')
		return false;
	for (i = 0; i < s->facts.n; i++)
		if (s->facts.v[i].kind == core.out_alloc &&
		    !strcmp(s->facts.v[i].subject, f->subject))
			return true;
	return false;
}

static bool apply_fact(struct engine *en, struct state *st,
		       enum ret_cond cond, const struct replay *r,
		       const struct fact *f)
{
	struct value v;
	int path;

	if (table_covers(r, f))
		return true;
	path = resolve_subject(en, st, r->call, f->subject, f->key, &v);
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
					 f->str && !strcmp(f->str, "kept"));
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
			if (f->str)
				resolve_subject(en, st, r->call, f->str, NULL, &nv);
		}
		en->replay_recorded = r->sum->stores_recorded;
		assign(en, st, path, &nv, NULL, r->loc);
		en->replay_recorded = false;
		return true;
	}
	if (f->kind == core.out_alloc) {
		out_alloc(en, st, r, f, path);
		return true;
	}
	if (f->kind == core.out_freed) {
		out_freed(en, st, r, f, path);
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
			checker_fact(en, st, owner, &ci, f, &v);
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
	if (kind == core.free && !strpbrk(f->subject, "-.["))
		return 2;
	if (kind == core.writes || kind == core.writes_key)
		return 3;
	if (kind == core.sets || kind == core.points ||
	    kind == core.sets_bits || kind == core.out_alloc ||
	    kind == core.out_freed)
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

static bool apply_facts(struct engine *en, struct state *st,
			const struct replay *r, enum ret_cond cond)
{
	int i, round;

	for (round = 0; round < 5; round++)
		for (i = 0; i < r->sum->facts.n; i++) {
			const struct fact *f = &r->sum->facts.v[i];

			if ((f->cond != cond && f->cond != RC_ANY) ||
			    replay_round(f) != round || about_result(f) ||
			    about_out_block(r->sum, f))
				continue;
			if (!apply_fact(en, st, cond, r, f))
				return false;
		}
	return true;
}

/* Is v known zero (0), known not zero (1), or not known (-1)? */
static int value_truth(struct value v)
{
	switch (v.kind) {
	case V_CONST:
		return v.c != 0;
	case V_NONNULL:
	case V_ERRPTR:
	case V_NEG:
	case V_POS:
		return 1;
	case V_NE:
		return v.c == 0 ? 1 : -1;
	case V_NESET:
		return (v.c & 1) ? 1 : -1;
	case V_BITS:
		return v.c ? 1 : -1;
	default:
		return -1;
	}
}

/*
 * A wrapper whose allocator depends on a mode field of its caller's
 * memory (ffs_alloc_buffer(): vmalloc() when io_data->use_sg, else
 * kmalloc()): the allocation of the ret-alloc-if facts whose tested
 * place agrees with what the caller knows, when they all name one.
 * Otherwise a, the first ret-alloc fact.
 */
static const struct fact *pick_alloc(struct engine *en, struct state *st,
				     const struct replay *r,
				     const struct fact *a, struct fact *tmp)
{
	const struct fact *pick = NULL;
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		struct value v = mkv(V_UNK);
		int t;

		if (f->kind != core.ret_alloc_if)
			continue;
		if (strcmp(f->subject, "*")) {
			resolve_subject(en, st, r->call, f->subject, NULL, &v);
			t = value_truth(v);
			if (t >= 0 && t != (int)((f->value >> 32) & 1))
				continue;
		}
		if (pick && (pick->value & 0xffffffff) !=
			    (f->value & 0xffffffff))
			return a;	/* two allocators possible */
		pick = f;
	}
	if (!pick)
		return a;
	*tmp = *pick;
	tmp->value &= 0xffffffff;
	return tmp;
}

/* Does the callee return blocks of two families (dma_pool_alloc() or,
 * when the pool has none, kmalloc())? */
static bool two_families(const struct summary *s)
{
	int i, fam = -1;

	for (i = 0; i < s->facts.n; i++) {
		const struct fact *f = &s->facts.v[i];

		if (f->kind != core.ret_alloc)
			continue;
		if (fam >= 0 && fam != (int)(f->value & 0xffff))
			return true;
		fam = (int)(f->value & 0xffff);
	}
	return false;
}

static void apply_result_facts(struct engine *en, struct state *st,
			       const struct replay *r, enum ret_cond cond)
{
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];

		if ((f->cond == cond || f->cond == RC_ANY) && about_result(f))
			apply_fact(en, st, cond, r, f);
	}
}

/* The constants the callee left in the block it made ("$ret->match"
 * 512): the new object's fields hold them. */
static void ret_fields(struct engine *en, struct state *st,
		       const struct replay *r, int32_t id)
{
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		struct value v = vconst(f->value);
		int path;

		if (f->kind != core.ret_sets || strncmp(f->subject, "$ret", 4))
			continue;
		path = object_place(en, id, f->subject + 4);
		if (path < 0)
			continue;
		if (en->paths[path].type == PT_UNKNOWN)
			en->paths[path].type = PT_OTHER;	/* an integer */
		state_set(st, path, &v);
	}
}

/* What the call returns, under cond: a fresh allocation, one of its
 * arguments' places, or nothing known.  Returns true when it set dest. */
/*
 * May the callee's NULL after a failed allocation reach this caller, by
 * its ret-null-gfp facts?  Not where the gfp_t argument has __GFP_NOFAIL,
 * or __GFP_DIRECT_RECLAIM for a mempool (value 1).  *param: the caller's
 * own gfp_t parameter the argument passes on, for its summary (-1).
 */
static bool gfp_may_fail(struct engine *en, const struct replay *r,
			 int *param, bool *reclaim)
{
	const struct header_consts *k = &en->unit->prog->consts;
	const struct summary *s = r->sum;
	bool may = false;
	int i;

	*param = -1;
	*reclaim = true;
	for (i = 0; i < s->facts.n; i++) {
		const struct fact *f = &s->facts.v[i];
		int n, p;

		if (f->kind != core.ret_null_gfp || f->subject[0] != '$')
			continue;
		n = atoi(f->subject + 1);
		if (n >= 0 && n < r->nargs && r->args[n].kind == V_CONST &&
		    (((uint64_t)r->args[n].c & k->gfp_nofail) ||
		     (f->value &&
		      ((uint64_t)r->args[n].c & k->gfp_direct_reclaim))))
			continue;
		p = n >= 0 && n < r->call->nargs ?
		    gfp_param_of(en, r->call->args[n]) : -1;
		*param = !may || *param == p ? p : -1;
		*reclaim = *reclaim && f->value;
		may = true;
	}
	return may;
}

static bool replay_return(struct engine *en, struct state *st,
			  const struct replay *r, enum ret_cond cond)
{
	const struct fact *a = find_fact(r->sum, core.ret_alloc, RC_ANY);
	const struct fact *is = find_fact(r->sum, core.ret_is, cond);
	struct fact tmp;
	struct value v;

	if (!is && cond != RC_ANY)
		is = find_fact(r->sum, core.ret_is, RC_ANY);
	if (a && !table_covers(r, a))
		a = pick_alloc(en, st, r, a, &tmp);
	if (a && !table_covers(r, a)) {
		bool plain_null = find_fact(r->sum, core.ret_null, RC_ANY);
		int gfp_param;
		bool gfp_reclaim;
		bool may_null = gfp_may_fail(en, r, &gfp_param, &gfp_reclaim) ||
				plain_null;
		/* its NULL may also mean "none" (no table, no feature) */
		int can_fail = !may_null ? 0 :
			       find_fact(r->sum, core.ret_null_absent, RC_ANY) ?
			       CAN_FAIL_ABSENT :
			       find_fact(r->sum, core.ret_null_chosen, RC_ANY) ?
			       CAN_FAIL_CHOSEN : 1;
		/* two families and the path cannot tell which: none, so
		 * no release of either is a mismatch (the caller releases
		 * by a flag the callee set: qib_user_sdma_alloc_header()) */
		int family = a != &tmp && two_families(r->sum) ? -1 :
			     (int)(a->value & 0xffff);
		struct objst *o;

		new_object(en, st, r->call, r->call->dest, r->loc,
			   family, can_fail, (int)(a->value >> 16) - 1, a->str);
		o = state_obj(st, r->call->site);
		if (o) {
			o->inferred = 1;	/* a wrapper's allocation */
			ret_fields(en, st, r, o->id);
			if (may_null && !plain_null && can_fail == 1)
				set_gfp_arg(o, gfp_param, gfp_reclaim);
		}
		/* where the call returned 0 it returned NULL, whether or
		 * not the allocation failed (a wrapper that returns a
		 * lookup's NULL as well as a block it made:
		 * snd_hda_jack_detect_enable_callback_mst()) */
		if (o && cond != RC_ANY && (may_null || cond == RC_ZERO)) {
			o->null = cond == RC_ZERO ? NL_NULL : NL_NONNULL;
			o->can_fail = can_fail;
		}
		return true;
	}
	if (is && is->str &&
	    (resolve_subject(en, st, r->call, is->str, is->key, &v), 1) &&
	    v.kind != V_UNK) {
		dest_assign(en, st, r->call, v, r->loc);
		return true;
	}
	/* &$0->member: a pointer into the caller's object */
	is = find_fact(r->sum, core.ret_addr, cond);
	if (!is && cond != RC_ANY)
		is = find_fact(r->sum, core.ret_addr, RC_ANY);
	if (is && is->str) {
		int path = resolve_subject(en, st, r->call, is->str, is->key,
					   &v);
		int32_t id = path >= 0 ? addr_sym(en, st, path) : 0;

		if (id) {
			dest_assign(en, st, r->call, vobj(id), r->loc);
			return true;
		}
	}
	return false;
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
	bool set;

	en->replaying++;
	set = replay_facts(en, st, r, split, ends);
	en->replaying--;
	return set;
}

static bool replay_facts(struct engine *en, struct state *st,
			 const struct replay *r, struct state **split,
			 bool *ends)
{
	struct state *z;
	bool zok, nok, set;

	/* a rules entry that makes the result already says what it is: a
	 * split would overwrite it with 0 and non-zero (__alloc_skb()
	 * defined in skbuff.c, whose summary splits on its NULL return,
	 * lost the entry's new skb at the call) */
	if (!r->sum->split || *split || entry_makes_result(r)) {
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
	/* a -errno where every failing return is one (snd_device_new()):
	 * the caller's `err < 0` then covers the whole failure */
	if (!set)
		dest_assign(en, st, r->call,
			    mkv(find_fact(r->sum, core.ret_neg, RC_NONZERO) ?
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
