// SPDX-License-Identifier: GPL-2.0
/*
 * double-free: an allocation released twice on one path, by the
 * deallocators of the rules table or by a local function whose summary
 * says it frees that parameter (a helper frees, the caller frees again).
 */
#include <stdlib.h>

#include "checkers.h"
#include "../util/strvec.h"

static void on_free(struct engine *en, struct state *st, struct objst *o,
		    const struct ir_call *call, const struct api_entry *api,
		    const struct value *args, int nargs, struct ir_loc loc)
{
	const struct site_info *si = engine_site(en, o->id);
	struct trace_note notes[3];
	const char *how = call->callee ? call->callee : "the callee";
	int n = 0;

	(void)st;
	(void)api;
	(void)args;
	(void)nargs;
	if (!(o->flags & OF_FREED) || (o->flags & OF_PARAM) || !si)
		return;
	n = engine_alloc_free_notes(si, notes);
	notes[n].file = NULL;
	notes[n].loc = loc;
	notes[n++].msg = xstrfmt("freed again here: set the pointer to NULL after the first free, or free it on one path only");
	engine_report(en, "double-free", loc,
		      si->callee ?
		      xstrfmt("memory from %s() is freed twice on this path (again by %s())",
			      si->callee, how) :
		      xstrfmt("memory is freed twice on this path (again by %s())",
			      how),
		      notes, n);
}

const struct checker checker_double_free = {
	.rule = "double-free",
	.summary = "the same allocation freed twice on one path",
	.on_free = on_free,
};
