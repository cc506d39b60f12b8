// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch: pages from __get_free_pages(gfp, n) (and the other
 * allocators with an order= in rules/alloc.rules) released with
 * free_pages(addr, m), m != n.  free_page(addr) is free_pages(addr, 0)
 * after macro expansion, so it is the same check.  Orders are compared
 * only when both are compile-time constants.  The allocation may be in
 * another function: probe stores the pages in priv->ring, remove frees
 * priv->ring, and the field facts of the unit carry the order across.
 */
#include <stdlib.h>

#include "checkers.h"
#include "../util/strvec.h"

static int freed_slot;

static void on_free(struct engine *en, struct state *st,
		    const struct objst *o, const struct free_info *f)
{
	static const struct slot_val one = { 1, 0 };
	struct trace_note notes[3];
	struct obj_origin org;
	int n;

	if (slot_get(st, freed_slot, o->id))
		return;		/* a second free is double-free's */
	slot_set(st, freed_slot, o->id, &one);
	/* a helper that frees a global of its own: reported there */
	if (o->order < 0 || f->order < 0 || f->order == o->order ||
	    f->via_global || !engine_origin(en, o->id, &org) || !org.callee)
		return;
	n = engine_alloc_note(en, o->id, notes);
	if (n) {
		char *m = notes[0].msg;

		notes[0].msg = xstrfmt("%s with order %d (%d page%s)", m,
				       o->order, 1 << o->order,
				       o->order ? "s" : "");
		free(m);
	}
	if (f->via) {
		notes[n].file = f->via_file;
		notes[n].loc = f->via_loc;
		notes[n++].msg = xstrfmt("%s() releases it here with order %lld",
					 f->via, (long long)f->order);
	}
	notes[n].file = NULL;
	notes[n].loc = f->loc;
	notes[n++].msg = xstrfmt("released here with order %lld: pass %d%s",
				 (long long)f->order, o->order,
				 o->order && f->order == 0 ?
				 " (free_page() frees one page only)" : "");
	engine_report(en, "page-order-mismatch", f->loc,
		      xstrfmt("%s() releases order %lld but %s() allocated order %d",
			      f->callee, (long long)f->order, org.callee,
			      o->order),
		      notes, n);
}

static void init(void)
{
	static const struct slot_def def = { "page-order:freed", SLOT_OBJECT,
					     NULL };

	freed_slot = engine_slot_register(&def);
}

const struct checker checker_page_order_mismatch = {
	.rule = "page-order-mismatch",
	.init = init,
	.on_free = on_free,
};
