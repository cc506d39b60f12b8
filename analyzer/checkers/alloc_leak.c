// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak: an allocation of this function that a path loses while it
 * still owns it.  The engine says when an allocation can no longer be
 * reached (lost event: its last reference overwritten or dead, or the
 * function returns and neither the return value, the parameters' memory
 * nor a global reaches it).  This checker keeps, per object, whether the
 * path gave it up before that:
 *
 *   - released: a deallocator, or a local helper whose summary frees it;
 *   - stored in memory: a field or a global (a struct reachable from a
 *     parameter or a global outlives the function; a local allocation
 *     holding it is followed no further in this first step);
 *   - handed to an `owner` line of the rules tables (list_add,
 *     dev_set_drvdata, kfree_rcu...);
 *   - passed to a function the engine knows nothing of (no rules entry,
 *     no summary, an indirect call): it may take ownership.  Precision
 *     first: silent;
 *   - escaped: its value went into an operation the engine does not
 *     model (an inline asm operand: cmpxchg() and xchg() store it).
 *
 * What is never a leak: a failed allocation (the engine fires no lost
 * event for a NULL object), managed families (devm), an object that
 * stands for several of one site, and a reference clobbered by an
 * unknown write (f(&p)).  An unknown call that gets the address of a
 * local struct (which may hold the pointer) silences the path.
 *
 * Summary fact `gives-up` (may; subject `$N`, `$N->f`): on some return
 * path the function freed that object, stored it, handed it to a sink or
 * to an unknown function.  A caller that passes its allocation there no
 * longer owns it: foo_rx() that frees its message on one error code only
 * is not a leak in the caller that keeps it on the others.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../engine/apitable.h"
#include "../util/strvec.h"
#include "alloc_leak.h"

static int gone_slot;		/* object: no longer owned here (a: why) */
int al_escape_slot;		/* global 0: an unknown call got &local */
int al_held_slot;		/* object: a = the allocation of this
				 * function whose memory holds it; b:
				 * HELD_UNNAMED, HELD_IN_STORED */
/* at an index the engine forgets (ctx->ring[i] = p; i++) */
#define HELD_UNNAMED	1
/* the holder was already stored in memory that outlives the function:
 * if the path stops tracking it, it is still there */
#define HELD_IN_STORED	2
int al_derived_slot;	/* global, keyed by the pointer a `derive`
				 * call returned: a = the object it points
				 * into */
static int k_gives_up;		/* fact: gave up $N on some path */


int al_gone_why(const struct state *st, int32_t id)
{
	const struct slot_val *g = slot_get(st, gone_slot, id);

	return g ? (int)g->a : 0;
}

bool al_held_iter(const struct state *st, int *pos, int32_t *id,
		  int32_t *container, bool *unnamed)
{
	const struct slot_val *v;

	if (!slot_iter(st, al_held_slot, pos, id, &v))
		return false;
	*container = (int32_t)v->a;
	*unnamed = (v->b & HELD_UNNAMED) != 0;
	return true;
}

/* What the memory of object id holds goes with it (stored, handed over:
 * not freed, which loses it); only what it holds at an index the engine
 * forgot when mask is HELD_UNNAMED (0: all). */
static void disown_held(struct engine *en, struct state *st, int32_t id,
			int why, int64_t mask)
{
	const struct slot_val *v;
	int32_t held[16], key;
	int pos = 0, n = 0, i;

	while (n < 16 && slot_iter(st, al_held_slot, &pos, &key, &v))
		if (v->a == id && key != id && (v->b & mask) == mask)
			held[n++] = key;
	for (i = 0; i < n; i++) {
		slot_clear(st, al_held_slot, held[i]);
		al_disown(en, st, held[i], why);
	}
}

void al_disown(struct engine *en, struct state *st, int32_t id, int why)
{
	struct slot_val v = { why, 0 };
	const struct slot_val *d, *g;
	int depth;

	for (depth = 0; depth < 4; depth++) {
		id = engine_obj_within(en, id);
		/* a pointer into an object (page_address(page)): handing it
		 * over hands over the object */
		d = slot_get(st, al_derived_slot, id);
		/* the caller's objects matter only for the summary */
		g = slot_get(st, gone_slot, id);
		/* stored, then freed (d->ps = arr; ... kfree(d->ps)):
		 * what its memory holds is lost with it */
		if (!(id < 0 && (engine_reporting(en) ||
				 !engine_subject(en, id))) &&
		    (!g || (g->a == GONE_OUT && why != GONE_OUT) ||
		     (g->a == GONE_BOUND && why != GONE_BOUND) ||
		     (g->a == GONE_STORED && why == GONE_FREED &&
		      id >= 0))) {
			slot_set(st, gone_slot, id, &v);
			/* devm memory in the driver data: what it holds
			 * goes when a failing probe frees it
			 * (alloc_leak_probe.c), not with the device */
			if (why != GONE_FREED &&
			    !(why == GONE_BOUND && al_managed(en, st, id)))
				disown_held(en, st, id, why, 0);
		}
		if (!d)
			return;
		id = (int32_t)d->a;
	}
}

static void on_free(struct engine *en, struct state *st,
		    const struct objst *o, const struct free_info *f)
{
	al_many_free(en, st, o, f);
	al_failed_free(st, o->id);
	al_failed_release(en, st, o->id, NULL);
	/* a helper that frees the block may free what it holds at an
	 * index first (e1000_free_desc_rings() walks buffer_info[] for its
	 * skbs, then frees the array): its summary names fields, not
	 * elements */
	if (f->via)
		disown_held(en, st, o->id, GONE_UNKNOWN, HELD_UNNAMED);
	al_disown(en, st, o->id, GONE_FREED);
}

/* Is the place an element at an index that is not a constant (a[i]):
 * the engine forgets it when the index moves, though the memory keeps
 * what was stored there. */
static int variable_index(const struct ir_expr *e)
{
	for (; e; e = e->a)
		if (e->kind == EX_INDEX && e->b && e->b->kind != EX_CONST)
			return 1;
		else if (e->kind != EX_MEMBER && e->kind != EX_INDEX)
			break;
	return 0;
}

static void on_store(struct engine *en, struct state *st,
		     const struct store_info *s)
{
	int32_t id;
	bool stored;

	if (s->v.kind != V_OBJ)
		return;
	/* priv->stats.rx_packets = s->rx_packets: a number, not a block
	 * (the engine names what a field read gives, whatever its type) */
	if (s->lhs && !s->lhs->is_ptr && !s->lhs->is_long &&
	    !s->lhs->is_record)
		return;
	/* stored elsewhere: not left in the failed callee's place (the
	 * callee's own writes, replayed, are that place) */
	if (!s->forget)
		al_failed_gone(st, s->v.obj);
	al_failed_store(en, st, s);
	id = engine_obj_of(en, s->v.obj);
	/* priv->hw = hw, priv inside hw's block: a pointer to itself keeps
	 * no block alive */
	if (!s->sink && !s->outlives && s->container >= 0 &&
	    s->container == id)
		return;
	al_many_store(en, st, s);
	/* fd->urb = urb, fd an allocation of this function: still ours,
	 * held by fd.  Lost with fd when fd is freed holding it; given up
	 * with fd when fd is given up.  So with an fd already stored in
	 * the caller's memory (d->ps = kcalloc(); d->ps[i].priv = p;):
	 * given up while it stays there, lost when the path frees it. */
	stored = s->container >= 0 &&
		 al_gone_why(st, s->container) == GONE_STORED;
	if (!s->sink && !s->outlives && s->container >= 0 &&
	    s->container != id && id >= 0 && engine_reporting(en) &&
	    (!al_given_up(en, st, s->container) ||
	     al_bound_devm(en, st, s->container) || stored)) {
		struct slot_val v = {
			s->container, variable_index(s->lhs) |
			(stored ? HELD_IN_STORED : 0)
		};

		slot_set(st, al_held_slot, id, &v);
		return;
	}
	/* foo_devs[i] = ...: the unwind frees foo_devs[j], an index the
	 * engine does not relate to i */
	if (!variable_index(s->lhs) && al_init_store(en, st, s, id))
		return;
	al_disown(en, st, s->v.obj, al_bound_store(s) ? GONE_BOUND :
	       s->sink ? GONE_SINK :
	       engine_out_param_place(en, s->lhs, s->path) ?
	       GONE_OUT : GONE_STORED);
}

/* Is id held at a forgotten index of an allocation of this function
 * that is still there (not freed, not lost)?  Its memory may still hold
 * it: what becomes of it goes with that allocation. */
static bool held_unnamed(struct engine *en, struct state *st, int32_t id)
{
	const struct slot_val *h = slot_get(st, al_held_slot, id);

	return h && (h->b & HELD_UNNAMED) &&
	       !slot_get(st, gone_slot, (int32_t)h->a) &&
	       engine_obj(en, st, (int32_t)h->a, &(struct objst){ 0 });
}

/* Is id, or an allocation whose memory holds it, given up? */
bool al_given_up(struct engine *en, struct state *st, int32_t id)
{
	const struct slot_val *h;
	int depth;

	for (depth = 0; depth < 8; depth++) {
		const struct slot_val *g = slot_get(st, gone_slot, id);

		/* a container freed while it held the object loses it */
		if (g)
			return depth == 0 || g->a != GONE_FREED;
		h = slot_get(st, al_held_slot, id);
		if (!h)
			return false;
		id = (int32_t)h->a;
		/* a holder the path no longer tracks: still where it was
		 * stored, if it was */
		if (!engine_obj(en, st, id, &(struct objst){ 0 }))
			return (h->b & HELD_IN_STORED) != 0;
	}
	return true;
}

/* a managed family (devm): released by the device core */
bool al_family_managed(const struct objst *o)
{
	const char *name;

	if (o->family < 0)
		return false;
	if (api_family_managed(o->family))
		return true;
	name = api_family_name(o->family);
	return name && !strncmp(name, "devm", 4);
}

static void on_lost(struct engine *en, struct state *st,
		    const struct objst *o, const struct lost_info *l)
{
	struct trace_note notes[5];
	struct obj_origin org;
	struct ir_loc got;
	int64_t refs;
	int n;

	/* forgotten at an index that moved, still in the array's memory */
	if (l->forgotten && o->id >= 0 && o->null != NL_NULL &&
	    engine_reporting(en) && !al_gone_why(st, o->id)) {
		const struct slot_val *h = slot_get(st, al_held_slot, o->id);

		if (h && (h->b & HELD_UNNAMED))
			al_many_mark(st, o->id, (int32_t)h->a, l->loc);
	}
	if (!engine_reporting(en) || l->forgotten || l->clobbered ||
	    o->id < 0 || o->null == NL_NULL ||
	    (o->flags & (OF_JOINED | OF_UNNAMED)) ||
	    al_family_managed(o) || al_dropped(o->id) ||
	    al_given_up(en, st, o->id) || slot_get(st, al_escape_slot, 0) ||
	    engine_path_warned(st) || al_found_uncertain(en, st, o->id) ||
	    engine_calls_ahead(en, ROLE_WARNS) ||
	    slot_get(st, al_zero_trip_slot, o->id) ||
	    engine_path_guessed(st) || held_unnamed(en, st, o->id))
		return;
	if (!engine_origin(en, o->id, &org) || !org.callee || org.fn ||
	    org.many || !engine_path_has_caller(en, st))
		return;
	n = engine_alloc_note(en, o->id, notes);
	/* a put that dropped one of several references freed nothing:
	 * the reference this path took and kept is the leak */
	refs = engine_refs_held(en, st, o->id, &got);
	if (refs && got.line) {
		notes[n].file = NULL;
		notes[n].loc = got;
		notes[n++].msg = xstrdup("a reference is taken here, and no put on this path drops it");
	}
	n += al_branch_note(en, st, o->id, &notes[n]);
	notes[n].file = NULL;
	notes[n].loc = l->loc;
	notes[n++].msg = xstrdup(refs ?
		"lost here: its last pointer goes out of use with that reference held" :
		l->at_return ?
		"lost here: the function returns without freeing, returning or storing it" :
		slot_get(st, al_held_slot, o->id) ?
		"lost here: the memory that held its last reference is freed, or that reference is overwritten or goes out of use" :
		"lost here: its last reference is overwritten or goes out of use");
	engine_report(en, "alloc-leak", l->loc,
		      refs ?
		      xstrfmt("memory from %s() is leaked on this path: a reference taken on it is never dropped, so no put frees it",
			      org.callee) :
		      xstrfmt("memory from %s() is leaked on this path: not freed, returned or stored",
			      org.callee),
		      notes, n);
}

/* An inline asm operand (cmpxchg(&slot, NULL, buf)): kept where the
 * engine cannot see, like an unknown function's argument. */
static void on_escape(struct engine *en, struct state *st,
		      const struct escape_info *x)
{
	al_disown(en, st, x->v.obj, GONE_UNKNOWN);
}

/* The path returns a pointer it did not allocate (a lookup's result, a
 * field, an argument), which may be non-NULL and is not an error
 * pointer. */
static bool returns_found(struct engine *en, struct state *st,
			  const struct value *v)
{
	struct objst tmp;
	const struct objst *o;

	if (!engine_fn_returns_ptr(en))
		return false;
	if (v->kind == V_NONNULL)
		return true;
	if (v->kind != V_OBJ || v->obj >= 0)
		return false;
	o = engine_obj(en, st, v->obj, &tmp);
	return o && o->null != NL_NULL && !(o->flags & OF_ERRPTR);
}

/* Summary pass: the caller's objects this path gave up. */
static void on_return(struct engine *en, struct state *st,
		      const struct return_info *r)
{
	const struct slot_val *v;
	int32_t id;
	int pos = 0;

	al_failed_return(en, st, r);
	if (engine_reporting(en)) {
		al_init_return(en, st, r);
		al_probe_return(en, st, r);
		return;
	}
	/* a wrapper that returns an allocation it also registered (stored
	 * in a global table, handed to a sink): its caller does not own it
	 * alone, and may drop the pointer */
	if (r->v.kind == V_OBJ && r->v.obj >= 0) {
		v = slot_get(st, gone_slot, engine_obj_of(en, r->v.obj));
		if (v && v->a != GONE_FREED && v->a != GONE_OUT)
			engine_add_fact(en, k_gives_up, "$ret", v->a, NULL,
					r->loc);
	} else if (returns_found(en, st, &r->v)) {
		/* a block it found, where other paths return one it made
		 * (lookup or create): the caller cannot tell them apart by
		 * the result and does not own what it got */
		engine_add_fact(en, k_gives_up, "$ret", GONE_FOUND, NULL,
				r->loc);
	}
	while (slot_iter(st, gone_slot, &pos, &id, &v)) {
		const char *subj = id < 0 ? engine_subject(en, id) : NULL;
		char *out;

		if (subj)
			engine_add_fact(en, k_gives_up, subj, v->a, NULL,
					r->loc);
		/* *entryp = a block it also registered (snd_card_proc_new()
		 * with snd_info_create_card_entry()): as for $ret above */
		if (id >= 0 && v->a != GONE_FREED && v->a != GONE_OUT &&
		    (out = engine_out_subject(en, st, id))) {
			engine_add_fact(en, k_gives_up, out, v->a, NULL,
					r->loc);
			free(out);
		}
	}
}

static void on_fact(struct engine *en, struct state *st,
		    const struct call_info *c, const struct fact *f,
		    const struct value *subj)
{
	int arg = engine_subject_arg(f->subject);	/* "$N", or -1 */

	if (al_failed_fact(en, st, c, f, subj) || f->kind != k_gives_up)
		return;
	/* a `borrow` line says the function keeps none of its arguments:
	 * its body may seem to give them up only because it lends them to
	 * an ops pointer the summary cannot follow
	 * (device_property_read_u32_array() -> fwnode ops) */
	if (c->api && (c->api->roles & ROLE_BORROW))
		return;
	/* an `alloc` line says the caller owns what the call returns: the
	 * allocator's own registration of it (alloc_workqueue() lists
	 * every workqueue) is no handover to the caller's callers */
	if (c->api && (c->api->roles & ROLE_ALLOC) &&
	    !strcmp(f->subject, "$ret"))
		return;
	/* an `owner ... when=success` line says when the call takes $N:
	 * the summary's may (stored on some path: platform_device_add()
	 * adds the device before a later step fails) says less */
	if (c->api && (c->api->roles & ROLE_OWNER) &&
	    c->api->owner_on_success && arg >= 0 && arg < 32 &&
	    (c->api->owner_mask & (1u << arg)))
		return;
	/* returned a block it found on some path: matters only where the
	 * call made the block (an allocation named by this call's site),
	 * not for a pointer into a block the caller had (skb_put_zero()
	 * returns the skb's tail).  Still the caller's, but maybe one it
	 * found: see al_found_slot */
	if (f->value == GONE_FOUND) {
		struct slot_val v = { 1, 0 };

		if (subj->kind == V_OBJ && subj->obj >= 0 &&
		    subj->obj == c->call->site)
			slot_set(st, al_found_slot, subj->obj, &v);
		return;
	}
	if (subj->kind == V_OBJ)
		al_disown(en, st, subj->obj, (int)f->value);
	/* what a block left by a failed callee is held in goes with it,
	 * even where the engine lost the value of the argument (a card
	 * filled through &card) */
	al_failed_release(en, st, subj->kind == V_OBJ ? subj->obj : INT32_MIN,
			  arg >= 0 && arg < c->call->nargs ?
			  c->call->args[arg] : NULL);
	/* gave up $N, passed &local_struct or &local: what it holds */
	if (arg >= 0)
		al_disown_local(en, st, c, arg, (int)f->value);
}

/* Paths joined when the budget is spent: given up on either side is
 * given up (a leak is reported only where it is certain). */
bool al_join_either(const struct slot_val *a, const struct slot_val *b,
		    struct slot_val *out)
{
	*out = a ? *a : *b;
	return true;
}

static void init(void)
{
	static const struct slot_def gone = { "alloc-leak:gone", SLOT_OBJECT,
					      al_join_either };
	static const struct slot_def esc = { "alloc-leak:escape", SLOT_GLOBAL,
					     al_join_either };
	static const struct slot_def der = { "alloc-leak:derived", SLOT_GLOBAL,
					     al_join_either };
	static const struct slot_def held = { "alloc-leak:held", SLOT_OBJECT,
					      NULL };

	gone_slot = engine_slot_register(&gone);
	al_derived_slot = engine_slot_register(&der);
	al_held_slot = engine_slot_register(&held);
	al_escape_slot = engine_slot_register(&esc);
	al_branch_init();
	al_many_init();
	k_gives_up = engine_fact_kind("gives-up", FACT_MAY_COND,
				      &checker_alloc_leak);
	engine_fact_kind_if_ignored(k_gives_up);
	al_init_init();
	al_failed_init();
}

const struct checker checker_alloc_leak = {
	.rule = "alloc-leak",
	.init = init,
	.on_entry = al_call_entry,
	.on_call = al_on_call,
	.on_free = on_free,
	.on_store = on_store,
	.on_lost = on_lost,
	.on_escape = on_escape,
	.on_branch = al_on_branch,
	.on_return = on_return,
	.on_fact = on_fact,
};
