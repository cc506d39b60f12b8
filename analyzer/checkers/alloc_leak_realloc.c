// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak: the reallocation that overwrites its own source.
 */
#include <stdlib.h>

#include "checkers.h"
#include "../engine/apitable.h"
#include "../util/strvec.h"
#include "alloc_leak.h"

/*
 * ctx->buf = krealloc(ctx->buf, ...): where the reallocation fails it
 * returns NULL, which overwrites the only pointer to the old block (a
 * place in memory; a local copy is the lost event's business).
 */
void al_realloc_over_self(struct engine *en, struct state *st,
			  const struct call_info *c)
{
	const struct api_entry *api = c->api;
	const struct ir_call *call = c->call;
	const struct objst *o;
	struct objst tmp;
	struct trace_note notes[3];
	char *place;
	int a, n;

	if (!engine_reporting(en) || !api || !(api->roles & ROLE_ALLOC) ||
	    !(api->roles & ROLE_FREE) || !api->free_on_success || !call->dest)
		return;
	a = api->free_arg;
	if (a < 0 || a >= c->nargs || a >= call->nargs ||
	    c->args[a].kind != V_OBJ ||
	    engine_expr_in_frame(en, call->dest) ||
	    !engine_same_place(en, call->dest, call->args[a]))
		return;
	o = engine_obj(en, st, engine_obj_of(en, c->args[a].obj), &tmp);
	if (!o || o->null == NL_NULL || al_family_managed(o) ||
	    al_gone_why(st, o->id))
		return;
	place = engine_expr_str(en, call->dest);
	n = engine_alloc_note(en, o->id, notes);
	n += al_branch_note(en, st, o->id, &notes[n]);
	notes[n].file = NULL;
	notes[n].loc = c->loc;
	notes[n++].msg = xstrfmt("lost here: where %s() fails, its NULL overwrites the only pointer to the old block",
				 call->callee);
	engine_report(en, "alloc-leak", c->loc,
		      xstrfmt("'%s' is overwritten with NULL when %s() fails: the old block is leaked",
			      place, call->callee),
		      notes, n);
	free(place);
}
