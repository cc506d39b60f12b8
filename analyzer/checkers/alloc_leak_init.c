// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak in a module's init function: module_init(foo_init) stores a
 * block in a global (foo_pdev = platform_device_alloc(...)), then fails
 * (platform_device_add() returned an error) and returns that error
 * without releasing it.  A global normally outlives the function, and
 * another one (module_exit) releases it; but the kernel never calls
 * module_exit() after a failed module_init(), so nothing ever will.
 * The store into a global is kept as a note, not as a hand-over, and an
 * error return that still has the block only there leaks it.  Module
 * init functions are the frontend's "module.init" registrations
 * (__inittest of a module build).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../util/strvec.h"
#include "alloc_leak.h"

static int global_slot;		/* object: stored in a global by a module
				 * init (a = where, b = the field key) */

/* Is this function a module's init function? */
static bool module_init_fn(struct engine *en)
{
	const struct ir_fn_init *fi;
	const char *fn = engine_fn_name(en);
	int n = engine_fn_inits(en, fn, &fi), i;

	for (i = 0; i < n; i++)
		if (!fi[i].file && !strcmp(fi[i].rec, "module") &&
		    !strcmp(fi[i].field, "init") && !strcmp(fi[i].fn, fn))
			return true;
	return false;
}

bool al_init_store(struct engine *en, struct state *st,
		   const struct store_info *s, int32_t id)
{
	struct slot_val v;

	if (!engine_reporting(en) || s->sink || id < 0 || !s->field_key ||
	    s->field_key[0] != '@' || !module_init_fn(en))
		return false;
	v.a = loc_pack(s->loc);
	v.b = (int64_t)(intptr_t)engine_intern(en, s->field_key);
	slot_set(st, global_slot, id, &v);
	return true;
}

void al_init_return(struct engine *en, struct state *st,
		    const struct return_info *r)
{
	const struct slot_val *v;
	int32_t id;
	int pos = 0;

	if (!r->has_value || r->success || r->maybe_success ||
	    !module_init_fn(en))
		return;
	while (slot_iter(st, global_slot, &pos, &id, &v)) {
		struct trace_note notes[4];
		struct obj_origin org;
		struct objst tmp;
		const struct objst *o = engine_obj(en, st, id, &tmp);
		const char *g = (const char *)(intptr_t)v->b;
		int n;

		if (!o || o->null == NL_NULL || (o->flags & OF_JOINED) ||
		    al_given_up(en, st, id) || !engine_origin(en, id, &org) ||
		    !org.callee || org.fn || org.many)
			continue;
		n = engine_alloc_note(en, id, notes);
		notes[n].file = NULL;
		notes[n].loc = loc_unpack(v->a);
		notes[n++].msg = xstrfmt("stored in the global '%s' here", g + 1);
		notes[n].file = NULL;
		notes[n].loc = r->loc;
		notes[n++].msg = xstrfmt("%s() fails here and keeps it only in '%s': the module's exit function never runs after its init failed",
					 engine_fn_name(en), g + 1);
		engine_report(en, "alloc-leak", r->loc,
			      xstrfmt("memory from %s() is leaked on this path: the module init fails, and it is kept only in a global",
				      org.callee),
			      notes, n);
	}
}

void al_init_init(void)
{
	static const struct slot_def def = { "alloc-leak:init-global",
					     SLOT_OBJECT, NULL };

	global_slot = engine_slot_register(&def);
}
