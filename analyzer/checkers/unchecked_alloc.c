// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the result of an allocator that can fail is used
 * (dereferenced, indexed, member-accessed, passed to a function that
 * dereferences it) on a path where it was never compared against NULL.
 *
 * The engine does the work: objects are born NL_MAYBE, branches refine
 * them, a use makes them NL_NONNULL.  A use while still NL_MAYBE and never
 * checked is the bug; a use on the path where the check said NULL is a
 * NULL dereference.
 */
#include <stdio.h>
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
	int n = 0;
	char *what, *msg;
	bool is_null;

	if (!o || (o->flags & OF_PARAM) || !o->can_fail)
		return;
	if (o->null == NL_NONNULL || (o->flags & (OF_CHECKED | OF_DEREFED)
				      && o->null == NL_MAYBE))
		return;
	is_null = o->null == NL_NULL;
	si = engine_site(en, o->id);
	if (!si)
		return;
	what = engine_expr_str(en, e);
	if (via_callee && is_null)
		msg = xstrfmt("'%s' is passed to %s(), which dereferences it, on a path where it is NULL",
			      what, via_callee);
	else if (via_callee)
		msg = xstrfmt("'%s' from %s() is passed to %s(), which dereferences it, without a NULL check",
			      what, si->callee, via_callee);
	else
		msg = xstrfmt(is_null ?
			      "'%s' is dereferenced on a path where it is NULL (allocated by %s())" :
			      "'%s' from %s() is dereferenced without a NULL check",
			      what, si->callee);
	notes[n].file = NULL;
	notes[n].loc = si->loc;
	if (si->via)
		notes[n].msg = xstrfmt("allocated here by %s(), which returns memory from %s() that may be NULL",
				       si->callee, si->via);
	else
		notes[n].msg = xstrfmt("allocated here by %s(), which returns NULL on failure",
				       si->callee);
	n++;
	if (via_callee && via_loc) {
		notes[n].file = via_file;
		notes[n].loc = *via_loc;
		notes[n].msg = xstrfmt("%s() dereferences its argument here",
				       via_callee);
		n++;
	}
	notes[n].file = NULL;
	notes[n].loc = loc;
	notes[n].msg = xstrfmt(is_null ? "used here, where the check above found it NULL" :
			       "used here, assumed non-NULL: add 'if (!%s) return -ENOMEM;' (or unwind) after the allocation",
			       what);
	n++;
	free(what);
	engine_report(en, "unchecked-alloc", loc, msg, notes, n);
}

const struct checker checker_unchecked_alloc = {
	.rule = "unchecked-alloc",
	.summary = "result of an allocator that can fail used without a NULL check",
	.on_deref = on_deref,
};
