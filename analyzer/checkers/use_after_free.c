// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free: an allocation dereferenced (directly, or by passing it
 * to a function that dereferences it) after it was freed on that path.
 */
#include <stdlib.h>

#include "checkers.h"
#include "../util/strvec.h"

static void on_deref(struct engine *en, struct state *st,
		     const struct value *v, const struct ir_expr *e,
		     struct ir_loc loc, const char *via_callee,
		     const struct ir_loc *via_loc, const char *via_file)
{
	struct objst *o = engine_obj(st, v->obj);
	const struct site_info *si;
	struct trace_note notes[3];
	char *what;
	int n = 0;

	(void)via_loc;
	(void)via_file;
	if (!o || !(o->flags & OF_FREED) || (o->flags & OF_PARAM))
		return;
	si = engine_site(en, o->id);
	if (!si)
		return;
	what = engine_expr_str(en, e);
	n = engine_alloc_free_notes(si, notes);
	notes[n].file = NULL;
	notes[n].loc = loc;
	notes[n++].msg = xstrfmt("used here after the free: move the free after the last use");
	engine_report(en, "use-after-free", loc,
		      via_callee ?
		      xstrfmt("'%s' is passed to %s(), which dereferences it, after it was freed",
			      what, via_callee) :
		      xstrfmt("'%s' is used after it was freed", what),
		      notes, n);
	free(what);
	/* one report per free: later uses are the same bug */
	o->flags &= ~OF_FREED;
}

const struct checker checker_use_after_free = {
	.rule = "use-after-free",
	.summary = "an allocation used after it was freed on that path",
	.on_deref = on_deref,
};
