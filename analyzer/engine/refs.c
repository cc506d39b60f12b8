// SPDX-License-Identifier: GPL-2.0
/*
 * Reference counts.  A `get` entry of the rules tables (usb_get_urb(),
 * kref_get(), usb_anchor_urb()) takes a reference on its argument's
 * object, a `put` entry (usb_free_urb(), usb_unanchor_urb(), kref_put())
 * drops one.  The engine counts, per object and per path, the references
 * the path took and has not put yet (the core-refs slot).  A put that the
 * path's count covers drops that reference and frees nothing, even when
 * the function is also a deallocator (usb_free_urb() frees the urb only
 * with its last reference): get(x); put(x); frees nothing, and x is not
 * dead.  With no reference of the path's own, a put that is a free is a
 * free, as before (the path is assumed to hold the only reference), and
 * a put that is not a free does nothing.
 *
 * The count saturates: past REFS_MANY gets it stays there, and puts no
 * longer lower it (a loop taking a reference each round converges, and
 * never frees).  At a return, the references the path still holds on a
 * caller's object are a summary fact ("refs $0 1": the callee took one,
 * a local wrapper of kref_get()), added to the caller's count at a call.
 * A free replayed from a callee's summary whose deallocator is a put
 * entry is a put at the call.
 *
 * A put that tests for the last reference (`put atomic_dec_and_test
 * test=yes`: true where the counter in the object dropped to 0) marks the
 * object for the rest of the path (the engine:last-ref slot).  A helper
 * that then frees such an object of its caller says so beside the free
 * (a last-ref fact, core.c); a call whose result the caller drops
 * (mlx4's release_group(), called once per reference the caller counted)
 * frees nothing there (replay.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

#define REFS_MANY 4

int core_refs;
static int last_ref_slot;

/* two paths joined: the larger count, so a join never makes a put free */
static bool join_max(const struct slot_val *a, const struct slot_val *b,
		     struct slot_val *out)
{
	*out = a ? *a : *b;
	if (a && b && b->a > a->a)
		out->a = b->a;
	return true;
}

void refs_init(void)
{
	static const struct slot_def refs = {
		"core-refs", SLOT_OBJECT, join_max
	};

	static const struct slot_def last = {
		"engine:last-ref", SLOT_OBJECT, NULL
	};

	core_refs = engine_slot_register(&refs);
	last_ref_slot = engine_slot_register(&last);
}

void refs_last_test(struct engine *en, struct state *st, struct value v)
{
	static const struct slot_val one = { 1, 0 };

	if (v.kind == V_OBJ)
		slot_set(st, last_ref_slot, obj_of(en, v.obj), &one);
}

bool refs_last_tested(const struct state *st, int32_t id)
{
	return slot_get(st, last_ref_slot, id) != NULL;
}

static int64_t refs_of(const struct state *st, int32_t id)
{
	const struct slot_val *v = slot_get(st, core_refs, id);

	return v ? v->a : 0;
}

void refs_get(struct engine *en, struct state *st, struct value v, int64_t n,
	      struct ir_loc loc)
{
	struct slot_val nv = { 0, 0 };
	const struct slot_val *old;
	struct objst tmp;
	const struct objst *o;
	int32_t id;

	if (v.kind != V_OBJ || n <= 0)
		return;
	id = obj_of(en, v.obj);
	o = engine_obj(en, st, id, &tmp);
	if (!o || o->null == NL_NULL)	/* usb_get_urb(NULL) takes nothing */
		return;
	nv.a = refs_of(st, id) + n;
	if (nv.a > REFS_MANY)
		nv.a = REFS_MANY;
	/* where the first reference the path still holds was taken */
	old = slot_get(st, core_refs, id);
	nv.b = old ? old->b : loc.line ? loc_pack(loc) : 0;
	slot_set(st, core_refs, id, &nv);
}

int64_t engine_refs_held(struct engine *en, const struct state *st,
			 int32_t id, struct ir_loc *where)
{
	const struct slot_val *v = slot_get(st, core_refs, obj_of(en, id));

	if (!v || v->a <= 0)
		return 0;
	if (where)
		*where = v->b ? loc_unpack(v->b) : (struct ir_loc){ 0, 0 };
	return v->a;
}

bool refs_put(struct engine *en, struct state *st, struct value v)
{
	struct slot_val nv = { 0, 0 };
	int32_t id;

	if (v.kind != V_OBJ)
		return false;
	id = obj_of(en, v.obj);
	nv.a = refs_of(st, id);
	if (nv.a <= 0)
		return false;
	if (nv.a == REFS_MANY)
		return true;
	nv.b = slot_get(st, core_refs, id)->b;
	if (--nv.a)
		slot_set(st, core_refs, id, &nv);
	else
		slot_clear(st, core_refs, id);
	return true;
}

/* The references still held at a return on objects a caller can name. */
void refs_path_facts(struct engine *en, struct state *st,
		     const struct return_info *r, struct fact_list *out)
{
	const struct slot_val *v;
	int32_t key;
	int pos = 0;

	while (slot_iter(st, core_refs, &pos, &key, &v)) {
		const char *subject = engine_subject(en, key);

		if (subject)
			fact_list_add(out, core.refs, RC_ANY, subject, v->a,
				      NULL, sym_key(en, key), en->fn->file,
				      r->loc);
	}
}

/*
 * A callback whose caller holds a reference on one of its arguments while
 * it runs: the USB core holds one on the urb for the whole completion
 * (usb_hcd_giveback_urb()), so usb_free_urb(urb) inside it drops the
 * driver's reference and the urb is still there until it returns.  The
 * registration (usb_fill_bulk_urb(..., foo_complete, ...) of a callback
 * line with held=N, or urb->complete = foo_complete of a field line with
 * held=N) is a field record of key "held:foo_complete", value N; the
 * reporting pass of foo_complete starts with that reference taken.  Not
 * in the summary pass: a reference the function did not take must not
 * become a "refs" fact of its summary.
 */
void refs_note_held(struct engine *en, const char *fn,
		    const struct api_entry *api, struct ir_loc loc)
{
	char *key;

	if (en->pass != PASS_SUMMARY || !fn || !api ||
	    api->cb_held == API_NONE)
		return;
	key = xstrfmt("held:%s", fn);
	engine_field_fact(en, key, core.held, api->cb_held, api->name, loc);
	free(key);
}

void refs_entry(struct engine *en, struct state *st)
{
	const struct field_rec *v;
	char *key;
	int n, i, var;

	if (en->pass != PASS_REPORT)
		return;
	key = xstrfmt("held:%s", en->fn->name);
	n = engine_field_facts(en, key, FACT_BIT(core.held), &v);
	free(key);
	for (i = 0; i < n; i++) {
		if (v[i].kind != core.held)
			continue;
		for (var = 0; var < en->fn->nvars; var++) {
			const struct ir_var *p = &en->fn->vars[var];

			if (p->kind == VAR_PARAM && p->param == v[i].value &&
			    p->is_ptr) {
				refs_get(en, st, load_path(en, st,
					 path_root_var(en, var)), 1,
					 (struct ir_loc){ 0, 0 });
				break;
			}
		}
		break;
	}
}

/*
 * Is the function being analysed a callback some function registered
 * with a held reference (an urb completion: usb_fill_bulk_urb(...,
 * foo_complete, ...))?  Such a completion runs only for a submission
 * that succeeded, and sees its own urb's context.
 */
bool engine_fn_is_completion(struct engine *en)
{
	const struct field_rec *v;
	char *key = xstrfmt("held:%s", en->fn->name);
	int n, i;
	bool found = false;

	n = engine_field_facts(en, key, FACT_BIT(core.held), &v);
	free(key);
	for (i = 0; i < n && !found; i++)
		found = v[i].kind == core.held && v[i].fn;
	return found;
}

bool engine_handover_failed(const struct state *st)
{
	return slot_get(st, core_handover_failed, 0) != NULL;
}
