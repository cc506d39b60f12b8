// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's own facts, written like a checker's: what a function
 * dereferences before any NULL check, frees, leaves in its caller's
 * memory (writes, sets, points), returns (a fresh allocation that may be
 * NULL, one of its arguments' places), unlinks, and the NULL tests it
 * stands for.  Also the facts about struct fields its stores give.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

const char *sym_key(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);

	return s ? s->field_key : NULL;
}

static void add_guard(struct engine *en, const char *subject, char *g,
		      int64_t value, struct ir_loc loc);

/*
 * deref-if a holds whenever b does: a dereference reached with no known
 * bits ("*"), or with fewer known bits of the same flag word, is met on
 * every path b's is.  A function that tests many bits of one word kept
 * a fact per combination (nfp_net_info(): 6,728).
 */
static bool deref_if_subsumes(const struct fact *a, const struct fact *b)
{
	uint64_t as = (uint64_t)a->value, bs = (uint64_t)b->value;
	const char *op;

	if (!a->str || !strcmp(a->str, "*"))
		return a->value == 0;
	if (!b->str || strcmp(a->str, b->str))
		return false;
	/* "A==B": equal and not equal exclude each other */
	if (strstr(a->str, "=="))
		return a->value == b->value;
	/* "$1:eq" k: only the same k; "$1:ne" mask: fewer values excluded */
	op = strchr(a->str, ':');
	if (op && !strcmp(op, ":eq"))
		return a->value == b->value;
	return (as & ~bs) == 0;	/* a's set and clear bits are b's too */
}

void core_register_subsumes(void)
{
	engine_fact_kind_subsumes(core.deref_if, deref_if_subsumes);
}

/*
 * The deref-if twin of a deref fact: the one flag word of the caller's
 * memory this path knows bits of (setup_non_data_intr() reads
 * adap->msix_info only after if (!(adap->flags & USING_MSIX)) return),
 * "*" when none.  A fact of the same subject and bits with another
 * place loses its place (a guard dropped is "*", never a wrong one).
 * Without a flag word, a parameter guard (param_guard()).  A relation of
 * two places the path compared (peers.c) comes before either: a function
 * that tests one such pair again and again is choosing by it.  For a
 * callee's dereference being replayed, the callee's own guards
 * (replay.c).
 */
static void deref_guard_fact(struct engine *en, struct state *st,
			     const char *subject, struct ir_loc loc)
{
	uint32_t set = 0, clr = 0;
	char *g;
	int64_t value = 0;
	int i;

	/* a callee's dereference: the conditions of the callee's paths
	 * that reach it, in our names, when each has one (replay.c), unless
	 * our own path tested a parameter, which our callers decide with
	 * the constants they pass (mlx4_free_resource_tracker(dev, type)
	 * reaches its callees' dereference of priv->steer, guarded there by
	 * a mode of dev's, only under type != RES_TR_FREE_STRUCTS_ONLY):
	 * either is a condition the dereference needs, and one a fact */
	if (en->nguard_hints && !st->guess &&
	    (g = param_guard(en, st, &value))) {
		add_guard(en, subject, g, value, loc);
		return;
	}
	if (en->nguard_hints) {
		for (i = 0; i < en->nguard_hints; i++)
			add_guard(en, subject,
				  xstrdup(en->guard_hints[i].str),
				  en->guard_hints[i].value, loc);
		return;
	}
	/* a path on which a branch went both ways on a value that a join
	 * past the budget made unknown may not exist: its guards are lost,
	 * and "*" would make the dereference unconditional for every
	 * caller (cxgb4 alloc_uld_rxqs(): the budget joins the MSI-X and
	 * the INTx rounds of its loop, and msi_idx >= 0 goes both ways).
	 * The paths explored before the joins say when it is reached; with
	 * none, the subject has no deref-if fact and is always reached. */
	if (st->guess)
		return;
	/* one guard a fact: a relation of two places, the rarest, first */
	g = peers_guard(en, st, &value);
	if (!g && (g = bits_guard(en, st, &set, &clr)))
		value = (int64_t)((uint64_t)set | ((uint64_t)clr << 32));
	else if (!g)
		g = param_guard(en, st, &value);
	add_guard(en, subject, g, value, loc);
}

/* One deref-if fact (g: the guard, owned, or NULL for "*"). */
static void add_guard(struct engine *en, const char *subject, char *g,
		      int64_t value, struct ir_loc loc)
{
	int i;

	for (i = 0; i < en->acc.may.n; i++) {
		struct fact *f = &en->acc.may.v[i];

		if (f->kind != core.deref_if || f->value != value ||
		    strcmp(f->subject, subject))
			continue;
		if (f->str && strcmp(f->str, g ? g : "*")) {
			free(f->str);
			f->str = xstrdup("*");
			f->value = 0;
		}
		free(g);
		return;
	}
	{
		struct fact f;

		memset(&f, 0, sizeof(f));
		f.kind = core.deref_if;
		f.subject = (char *)subject;
		f.value = value;
		f.str = g ? g : (char *)"*";
		if (!fact_list_subsumed(&en->acc.may, &f))
			fact_list_add(&en->acc.may, core.deref_if, RC_ANY,
				      subject, value, f.str, NULL,
				      en->fn->file, loc);
	}
	free(g);
}

void core_on_deref(struct engine *en, struct state *st,
		   const struct deref_info *d)
{
	struct objst tmp;
	const struct objst *o = engine_obj(en, st, d->v.obj, &tmp);
	const char *subject = engine_subject(en, d->v.obj);

	bool always;
	int i;

	if (!o || !subject || o->null != NL_MAYBE ||
	    (o->flags & (OF_CHECKED | OF_DEREFED)))
		return;
	/* value 1: on every path that returns (the block cannot be
	 * avoided), not under a condition a caller may make false */
	always = !cfg_avoidable(en->fn, en->cur_block);
	deref_guard_fact(en, st, subject, d->loc);
	for (i = 0; i < en->acc.may.n; i++) {
		struct fact *f = &en->acc.may.v[i];

		if (f->kind == core.deref && !strcmp(f->subject, subject)) {
			if (always && !f->value) {
				f->value = 1;
				f->loc = d->loc;
			}
			return;
		}
	}
	/* str "kept": the use is a `deref kept=` callee's, which keeps the
	 * pointer for later (what unchecked-alloc's message says) */
	add_may(en, core.deref, subject, always, d->kept ? "kept" : NULL,
		sym_key(en, d->v.obj), d->loc);
}

/* The deallocator and order of a free, packed in one slot value. */
static int64_t pack_free(const struct free_info *fi)
{
	return (int64_t)(((uint64_t)(uintptr_t)fi->api << 8) |
			 (uint64_t)((fi->order + 1) & 0xff));
}

void core_on_free(struct engine *en, struct state *st,
		  const struct objst *o, const struct free_info *fi)
{
	struct slot_val v;

	/* a block of this function too: left in the caller's memory, it
	 * dangles there (out_facts.c out_block_fact()) */
	if (o->id < 0 && !engine_subject(en, o->id))
		return;
	v.a = loc_pack(fi->loc);
	v.b = pack_free(fi);
	slot_set(st, core_freed, o->id, &v);
}

/* The subject of the memory a store writes ("$0->list"), or NULL. */
char *store_subject(struct engine *en, struct state *st, int path)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent) {
		const struct path *n = &en->paths[p];
		struct value base;
		const char *bs;
		char *full, *bfull;

		if (n->idx_expr)
			return NULL;	/* a[i]: no name a caller could use */
		if (n->kind == 'g')
			return path_str(en, path);	/* "@g", "@g.f[2]" */
		if (n->kind == 'v' || n->kind == 'o')
			return NULL;
		if (!n->deref)
			continue;
		base = load_path(en, st, n->parent);
		if (base.kind != V_OBJ)
			return NULL;
		bs = engine_subject(en, base.obj);
		if (!bs)
			return NULL;
		/* the steps from the dereference down to the stored place */
		full = path_str(en, path);
		bfull = path_str(en, n->parent);
		p = (int)strlen(bfull);
		bs = xstrfmt("%s%s", bs, full + p);
		free(full);
		free(bfull);
		return (char *)bs;
	}
	return NULL;
}

void core_on_unlink(struct engine *en, int32_t id, struct ir_loc loc)
{
	const char *subject = engine_subject(en, id);

	if (subject)
		add_may(en, core.unlinks, subject, 0, NULL, NULL, loc);
}

/* A writes fact; guard "null": only where the place held NULL on entry.
 * One path that writes it without the guard makes the write
 * unconditional.  A place has one writes fact: the bits of its x |= K
 * and x &= ~K are OR-ed (a caller forgets them all, as it would one
 * fact after the other), and a plain write (0) covers every bit.
 * lpfc's flag words had a fact per bit written, a sixth of its facts. */
static void add_writes(struct engine *en, const char *subject, int64_t bits,
		       const char *guard, const char *key, struct ir_loc loc)
{
	int i;

	for (i = 0; i < en->acc.may.n; i++) {
		struct fact *f = &en->acc.may.v[i];

		if (f->kind != core.writes || strcmp(f->subject, subject))
			continue;
		if (f->str && (!guard || strcmp(f->str, guard))) {
			free(f->str);
			f->str = NULL;
		}
		if (f->value && bits)
			f->value |= bits;
		else
			f->value = 0;
		return;
	}
	add_may(en, core.writes, subject, bits, guard, key, loc);
}

void core_on_store(struct engine *en, struct state *st,
		   const struct store_info *s)
{
	const char *src = s->v.kind == V_OBJ ? engine_subject(en, s->v.obj) :
			  NULL;
	char *dst;

	/* what a callee wrote it records itself, when it is ours */
	if (s->field_key && en->fn->in_main_file && !s->forget &&
	    !en->no_field_store &&
	    !(s->v.kind == V_CONST && s->v.c == 0)) {
		struct objst tmp;
		const struct objst *o = s->v.kind == V_OBJ && s->v.obj >= 0 ?
			engine_obj(en, st, s->v.obj, &tmp) : NULL;
		const struct site_info *si = o && o->id < en->nsites ?
					     &en->sites[o->id] : NULL;

		if (o && o->family >= 0 && si && si->callee &&
		    !field_store_interior(en->store_rhs))
			engine_field_fact(en, s->field_key, core.field_store,
					  o->family | ((int64_t)(o->order + 1) << 16),
					  si->via ? si->via : si->callee,
					  si->loc);
		else
			engine_field_fact(en, s->field_key, core.field_store,
					  -1, NULL, s->loc);
	}
	(void)src;
	/* urb->complete = foo_complete, into the field of a field line */
	if (s->fn && s->lhs && s->lhs->kind == EX_MEMBER)
		refs_note_held(en, s->fn,
			       api_field_entry(s->lhs->rec, s->lhs->field),
			       s->loc);
	field_value_store(en, s);
	field_nonnull_store(en, st, s);
	if (s->path < 0)
		return;
	dst = store_subject(en, st, s->path);
	/* not a static local of some function (@fn::__already_done, the
	 * flag of a WARN_ONCE()): only that function reads it */
	if (dst && !(dst[0] == '@' && strstr(dst, "::")))
		/* value: the bits it changed (x |= K), 0 for the place */
		add_writes(en, dst, s->bits,
			   entry_tested_null(en, st, dst) ? GUARD_ENTRY_NULL : NULL,
			   s->field_key, s->loc);
	else if (!dst && s->outlives && s->field_key)
		/* node->parent->children[j] = ...: a caller cannot name the
		 * place, but knows its field */
		add_may(en, core.writes_key, "*", 0, NULL, s->field_key, s->loc);
	free(dst);
}

/* Is block id NULL on this path (an allocation that failed)? */
static bool known_null(struct state *st, int32_t id)
{
	const struct objst *o = state_obj(st, id);

	return o && o->null == NL_NULL;
}

/*
 * The caller's place still holds what it held on entry, and this path
 * tested it NULL: it holds NULL when we return, as on a path that wrote
 * NULL there.  iscsi_target_nego_release() returns at if (!login) on one
 * path and sets conn->conn_login = NULL on the other, so both set
 * $0->conn_login to 0, and a second release after it frees nothing.
 */
static void null_place_fact(struct engine *en, struct state *st,
			    const struct return_info *r, int32_t id,
			    struct fact_list *out)
{
	const struct sym *s = id < 0 ? sym_of(en, id) : NULL;
	char fkbuf[512];
	char *dst;
	int path;

	if (!s || s->place < 0)
		return;
	path = canon_path(en, st, s->place);
	if (state_get(st, path))
		return;	/* rebound on this path: the bindings say */
	dst = store_subject(en, st, path);
	if (!dst)
		return;
	fact_list_add(out, core.sets, RC_ANY, dst, 0, NULL,
		      path_field_key(en, path, fkbuf, sizeof(fkbuf)),
		      en->fn->file, r->loc);
	free(dst);
}

/* The facts of this return path that the engine itself knows. */
void core_path_facts(struct engine *en, struct state *st,
			    const struct return_info *r,
			    struct fact_list *out)
{
	const char *subject, *fk;
	char fkbuf[512];
	int32_t key;
	const struct slot_val *v;
	int pos = 0, i;

	while (slot_iter(st, core_freed, &pos, &key, &v)) {
		const struct api_entry *api =
			(const struct api_entry *)(uintptr_t)((uint64_t)v->b >> 8);

		subject = engine_subject(en, key);
		if (subject)
			fact_list_add(out, core.free, RC_ANY, subject,
				      (v->b & 0xff) - 1, api ? api->name : NULL,
				      sym_key(en, key), en->fn->file,
				      loc_unpack(v->a));
		/* freed after a test for its last reference (refs.c) */
		if (subject && refs_last_tested(st, key))
			fact_list_add(out, core.last_ref, RC_ANY, subject, 0,
				      NULL, NULL, en->fn->file,
				      loc_unpack(v->a));
	}
	/* a pointer function that returns non-NULL here: if every return
	 * says so, its callers need no NULL test (ERR_PTR or a valid one) */
	if (en->fn->returns_ptr && r->cond == RC_NONZERO)
		fact_list_add(out, core.ret_nonnull, RC_ANY, "$ret", 0, NULL, NULL,
			      en->fn->file, r->loc);
	/* an int function that fails with a -errno here: if every non-zero
	 * return says so, its callers' `if (err < 0)` is the whole test */
	if (!en->fn->returns_ptr && r->cond == RC_NONZERO &&
	    returns_errno(en, st, r))
		fact_list_add(out, core.ret_neg, RC_ANY, "$ret", 0, NULL, NULL,
			      en->fn->file, r->loc);
	for (i = 0; i < st->no; i++) {
		const struct objst *o = &st->o[i];

		subject = engine_subject(en, o->id);
		if (subject && (o->flags & OF_CHECKED) && o->null != NL_MAYBE)
			fact_list_add(out, core.null, RC_ANY, subject,
				      o->null == NL_NULL, NULL, sym_key(en, o->id),
				      en->fn->file, r->loc);
		if (subject && (o->flags & OF_CHECKED) && o->null == NL_NULL)
			null_place_fact(en, st, r, o->id, out);
	}
	/* a success-only handover (usb_submit_urb()) failed here: what the
	 * caller hands on after such a return was not submitted either */
	if (slot_get(st, core_handover_failed, 0))
		fact_list_add(out, core.handover_failed, RC_ANY, "*", 0, NULL,
			      NULL, en->fn->file, r->loc);
	if (r->v.kind == V_OBJ && (subject = engine_subject(en, r->v.obj)))
		fact_list_add(out, core.ret_is, RC_ANY, "$ret", 0, subject,
			      sym_key(en, r->v.obj), en->fn->file, r->loc);
	else if (r->v.kind == V_OBJ)
		ret_addr_fact(en, st, r, out);
	/* what the caller's memory holds when we return */
	for (i = 0; i < st->nb; i++) {
		const struct binding *b = &st->b[i];
		const char *src = NULL;
		struct value c0;
		char *dst;

		if (b->v.kind == V_OBJ)
			src = engine_subject(en, b->v.obj);
		/* *cf = skb_put_zero(skb, n); return skb; (alloc_can_skb()):
		 * the caller's place holds the block the call returns, so
		 * it is NULL exactly when the result is */
		if (b->v.kind == V_OBJ && !src && r->v.kind == V_OBJ &&
		    b->v.obj == r->v.obj)
			src = "$ret";
		/* ai->jobs &= ~BIT(JOB_XMIT), clear_bit(JOB_XMIT,
		 * &ai->jobs): the bits a flag word we wrote is known to
		 * have (the caller's test of the bit, next time round its
		 * loop, knows it clear) */
		if (b->v.kind == V_BITS && !src) {
			uint32_t set, clr;

			dst = store_subject(en, st, b->path);
			if (dst && wrote_subject(en, dst) &&
			    value_bits(b->v, &set, &clr))
				fact_list_add(out, core.sets_bits, RC_ANY, dst,
					      (int64_t)((uint64_t)set |
							((uint64_t)clr << 32)),
					      NULL,
					      path_field_key(en, b->path, fkbuf,
							     sizeof(fkbuf)),
					      en->fn->file, r->loc);
			free(dst);
			continue;
		}
		/* chan->local = alloc_percpu(...) that failed, returned
		 * from: the caller's field holds NULL, as after an explicit
		 * `chan->local = NULL` on the other failing paths, so the
		 * failing return group sets it to 0 (dmaengine's unwind
		 * skips a channel whose ->local is NULL) */
		if (b->v.kind == V_OBJ && known_null(st, b->v.obj)) {
			/* also a place that still holds its entry value, tested
			 * NULL (iscsi_target_nego_release(): if (!login)
			 * return; on one path, conn->conn_login = NULL on the
			 * other): it holds NULL when we return */
			c0 = vconst(0);
			src = NULL;
		}
		else if (b->v.kind == V_OBJ && !src) {
			out_block_fact(en, st, r, b, out);
			continue;
		} else {
			c0 = b->v;
		}
		if (c0.kind != V_CONST && !src)
			continue;
		dst = store_subject(en, st, b->path);
		if (!dst)
			continue;
		fk = path_field_key(en, b->path, fkbuf, sizeof(fkbuf));
		if (src)
			fact_list_add(out, core.points, RC_ANY, dst, 0, src, fk,
				      en->fn->file, r->loc);
		else
			fact_list_add(out, core.sets, RC_ANY, dst, c0.c, NULL,
				      fk, en->fn->file, r->loc);
		free(dst);
	}
}
