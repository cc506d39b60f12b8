// SPDX-License-Identifier: GPL-2.0
/*
 * double-free: an allocation released twice on one path, by the
 * deallocators of the rules table or by a local function whose summary
 * says it frees that place (a helper frees p->buf, the caller frees it
 * again).  The object may be an allocation of this function, a parameter,
 * or a field read through one: the same place is the same object.
 */
#include <stdlib.h>

#include "checkers.h"
#include "../util/strvec.h"

static int freed_slot;

/* a value: where it was freed (a) and by what (b: the callee's name) */
static void note_free(struct state *st, int32_t id, const struct free_info *f)
{
	struct slot_val v;

	v.a = loc_pack(f->loc);
	v.b = (int64_t)(intptr_t)f->callee;
	slot_set(st, freed_slot, id, &v);
}

static void on_free(struct engine *en, struct state *st,
		    const struct objst *o, const struct free_info *f)
{
	const struct slot_val *prev = slot_get(st, freed_slot, o->id);
	const char *first, *how = f->callee ? f->callee : "the callee";
	struct trace_note notes[4];
	struct obj_origin org;
	int n;

	if (!prev) {
		note_free(st, o->id, f);
		return;
	}
	first = (const char *)(intptr_t)prev->b;
	engine_origin(en, o->id, &org);
	n = engine_alloc_note(en, o->id, notes);
	notes[n].file = NULL;
	notes[n].loc = loc_unpack(prev->a);
	notes[n++].msg = xstrfmt("freed here by %s()", first ? first : "a call");
	if (f->via) {
		notes[n].file = f->via_file;
		notes[n].loc = f->via_loc;
		notes[n++].msg = xstrfmt("%s() frees it here", f->via);
	}
	notes[n].file = NULL;
	notes[n].loc = f->loc;
	notes[n++].msg = xstrfmt("freed again here: set the pointer to NULL after the first free, or free it on one path only");
	engine_report(en, "double-free", f->loc,
		      org.callee && !org.fn ?
		      xstrfmt("memory from %s() is freed twice on this path (again by %s())",
			      org.callee, how) :
		      xstrfmt("memory is freed twice on this path (again by %s())",
			      how),
		      notes, n);
}

static void init(void)
{
	static const struct slot_def def = { "double-free:freed", SLOT_OBJECT,
					     NULL };

	freed_slot = engine_slot_register(&def);
}

const struct checker checker_double_free = {
	.rule = "double-free",
	.init = init,
	.on_free = on_free,
};
