// SPDX-License-Identifier: GPL-2.0
/*
 * What a caller can still reach once the function returns: the returned
 * value, memory behind a parameter or a global, cleanup locals, and
 * what those hold, transitively.  The allocations outside it are lost at
 * the return (the lost event with at_return set).
 */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* Is memory at path still reachable once the function has returned? */
static bool path_outlives(struct engine *en, struct state *st, int path,
			  const bool *mark, int32_t lo)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent) {
		const struct path *n = &en->paths[p];
		struct value base;

		if (n->kind == 'g')
			return true;
		/* a cleanup local (`p __free(kfree)`) releases what it
		 * holds as the function returns: not a leak */
		if (n->kind == 'v' && n->parent < 0 && n->var >= 0 &&
		    n->var < en->fn->nvars && en->fn->vars[n->var].cleanup)
			return true;
		if (!n->deref)
			continue;
		base = load_path(en, st, n->parent);
		if (base.kind != V_OBJ)
			return true;
		if (base.obj < 0)
			return true;
		return base.obj - lo >= 0 && mark[base.obj - lo];
	}
	return false;
}

/*
 * Which allocations stay reachable once the function returns: those the
 * return value points to, those stored where a caller or a global sees
 * them, and, transitively, those stored in them.  mark[id - *lo] is set
 * for each; NULL when the state holds no allocation.
 */
static bool *reach_mark(struct engine *en, struct state *st,
			const struct value *ret, int32_t *lo_out)
{
	int32_t lo = 0, hi = -1;
	bool *mark, changed = true;
	int i;

	for (i = 0; i < st->no; i++) {
		if (st->o[i].id < 0)
			continue;
		if (hi < 0)
			lo = st->o[i].id;
		hi = st->o[i].id;
	}
	if (hi < 0)
		return NULL;
	mark = xcalloc(hi - lo + 1, sizeof(*mark));
	/* a member's or an element's address (return &w->core) reaches
	 * the object it points into */
	if (ret && ret->kind == V_OBJ) {
		int32_t r = engine_obj_within(en, ret->obj);

		if (r >= lo && r <= hi)
			mark[r - lo] = true;
	}
	while (changed) {
		changed = false;
		for (i = 0; i < st->nb; i++) {
			const struct value *v = &st->b[i].v;
			int32_t o;

			if (v->kind != V_OBJ)
				continue;
			o = engine_obj_within(en, v->obj);
			if (o < lo || o > hi || mark[o - lo])
				continue;
			if (path_outlives(en, st, st->b[i].path, mark, lo)) {
				mark[o - lo] = true;
				changed = true;
			}
		}
	}
	*lo_out = lo;
	return mark;
}

bool obj_outlives(struct engine *en, struct state *st, int32_t id)
{
	int32_t lo;
	bool *mark, r;

	if (id < 0)
		return true;
	mark = reach_mark(en, st, NULL, &lo);
	r = mark && id >= lo && state_obj(st, id) && mark[id - lo];
	free(mark);
	return r;
}

/* Allocations the function returns without: lost at the return. */
void lost_at_return(struct engine *en, struct state *st,
			   const struct value *ret, struct ir_loc loc)
{
	int32_t lo;
	bool *mark = reach_mark(en, st, ret, &lo);
	int i;

	if (!mark)
		return;
	for (i = 0; i < st->no; i++)
		if (st->o[i].id >= 0 && !mark[st->o[i].id - lo])
			fire_lost(en, st, st->o[i].id, loc, true, false);
	free(mark);
}
