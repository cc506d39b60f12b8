// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free: an allocation dereferenced (directly, or by passing it
 * to a function that dereferences it) after it was freed on that path,
 * by a deallocator or by a helper whose summary frees it.  Reading a
 * block's descriptor (a struct page, `descriptor=` of its family) is no
 * use: the memory map outlives the page (free_reserved_page() reads the
 * page it has just freed).
 */
#include <stdlib.h>

#include "checkers.h"
#include "../util/strvec.h"

static int freed_slot;

static void on_free(struct engine *en, struct state *st,
		    const struct objst *o, const struct free_info *f)
{
	struct obj_origin org;
	struct slot_val v;

	if (engine_origin(en, o->id, &org) && org.many)
		return;		/* one of several: the others are still there */
	v.a = loc_pack(f->loc);
	v.b = (int64_t)(intptr_t)f->callee;
	slot_set(st, freed_slot, o->id, &v);
}

static void on_deref(struct engine *en, struct state *st,
		     const struct deref_info *d)
{
	const struct slot_val *fv = slot_get(st, freed_slot, d->v.obj);
	const char *by;
	struct trace_note notes[3];
	char *what;
	int n;

	if (!fv || engine_path_warned(st))
		return;		/* not freed, or past a WARN() (double_free.c) */
	if (api_descriptor_record(engine_deref_record(en, d)))
		return;		/* the struct page, not the page */
	by = (const char *)(intptr_t)fv->b;
	what = engine_deref_str(en, d);
	n = engine_alloc_note(en, d->v.obj, notes);
	notes[n].file = NULL;
	notes[n].loc = loc_unpack(fv->a);
	notes[n++].msg = xstrfmt("freed here by %s()", by ? by : "a call");
	notes[n].file = NULL;
	notes[n].loc = d->loc;
	notes[n++].msg = xstrfmt("used here after the free: move the free after the last use");
	engine_report(en, "use-after-free", d->loc,
		      d->via && d->via_field ?
		      xstrfmt("%s() dereferences '%s' after it was freed",
			      d->via, what) :
		      d->via ?
		      xstrfmt("'%s' is passed to %s(), which dereferences it, after it was freed",
			      what, d->via) :
		      xstrfmt("'%s' is used after it was freed", what),
		      notes, n);
	free(what);
	/* one report per free: later uses are the same bug */
	slot_clear(st, freed_slot, d->v.obj);
}

static void init(void)
{
	static const struct slot_def def = { "use-after-free:freed",
					     SLOT_OBJECT, NULL };

	freed_slot = engine_slot_register(&def);
}

const struct checker checker_use_after_free = {
	.rule = "use-after-free",
	.init = init,
	.on_free = on_free,
	.on_deref = on_deref,
};
