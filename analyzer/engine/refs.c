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
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

#define REFS_MANY 4

int core_refs;

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

	core_refs = engine_slot_register(&refs);
}

static int64_t refs_of(const struct state *st, int32_t id)
{
	const struct slot_val *v = slot_get(st, core_refs, id);

	return v ? v->a : 0;
}

void refs_get(struct engine *en, struct state *st, struct value v, int64_t n)
{
	struct slot_val nv = { 0, 0 };
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
	slot_set(st, core_refs, id, &nv);
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
