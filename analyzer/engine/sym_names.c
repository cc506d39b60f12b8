// SPDX-License-Identifier: GPL-2.0
/*
 * Symbolic objects made afresh rather than read from a place: several
 * objects of one allocation site (a list built in a loop), an unknown
 * value written to memory, and an element detached from its array.  Each
 * takes the first of a few names the path does not still hold, so that
 * a loop's new object is not taken for the last round's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* Several objects of one site: what a list built in a loop holds. */
int32_t sym_many(struct engine *en, int site)
{
	return sym_site(en, SYM_MANY, 'M', site);
}

/* Does a binding of st hold id, or an object read through id (p->next
 * where p is id)? */
static bool sym_in_use(struct engine *en, const struct state *st, int32_t id)
{
	int i;

	for (i = 0; i < st->nb; i++) {
		const struct value *v = &st->b[i].v;

		if (v->kind != V_OBJ && v->kind != V_PRED && v->kind != V_REL)
			continue;
		if (v->kind == V_REL && v->c == id)
			return true;
		if (sym_read_through(en, v->obj, id))
			return true;
	}
	return false;
}

#define WRITTEN_NAMES 3

/*
 * What an unknown value written to memory is: not the value the place
 * held on entry (that one may have been freed), but a new symbolic
 * object, named by the write and the place, made afresh each time the
 * write runs.  It keeps the place's field key, so the field facts of the
 * unit still say what it holds.
 *
 * Made afresh, the name must not be one the path still holds: a list
 * popped in a loop (p = card->packets; card->packets = p->next;
 * kfree(p);) writes at the same place each time round, and the object
 * of the last round, or what was read through it (its ->next, now in p),
 * is still held or freed.  Reusing that name would make the new head the
 * old one.  A write takes the first of a few names that neither the
 * place's old value (avoid) nor any binding of the path holds, directly
 * or through an object read from it; with all of them held, the first
 * that is not avoid.
 */
int32_t sym_written(struct engine *en, const struct state *st, int path,
		    struct ir_loc loc, int32_t avoid)
{
	char key[80], fkbuf[512];
	const char *fk = path_field_key(en, path, fkbuf, sizeof(fkbuf));
	int32_t fallback = 0;
	struct sym s;
	int k;

	memset(&s, 0, sizeof(s));
	s.place = -1;
	s.kind = SYM_OPAQUE;
	s.site = -1;
	for (k = 0; k < WRITTEN_NAMES; k++) {
		void *hit;
		int32_t id;

		snprintf(key, sizeof(key), "W%u:%u|%d'%d", loc.line, loc.col,
			 path, k);
		hit = hmap_get(&en->symmap, key);
		if (!hit) {
			s.field_key = fk ? xstrdup(fk) : NULL;
			return sym_intern(en, key, &s);
		}
		id = sym_id((int)(intptr_t)hit - 1);
		if (id == avoid)
			continue;
		if (!sym_in_use(en, st, id))
			return id;
		if (!fallback)
			fallback = id;
	}
	if (fallback)
		return fallback;
	/* every name is avoid: cannot happen with more than one name */
	return sym_id((int)(intptr_t)hmap_get(&en->symmap, key) - 1);
}

/*
 * The element a[i] named before i changed, while a binding still holds it
 * (skb = ring[entry]; ring[entry] = NULL; entry++; kfree(skb);): a name of
 * its own, not read from any place, so the object the path reads at
 * a[i] next is another one and the free is of the old element only.
 * The first of a few names that no binding holds and the state does not
 * track; 0 when all are taken.
 */
int32_t sym_detached(struct engine *en, struct state *st, int32_t id)
{
	int i = -id - 1, k;
	char key[48];

	if (id >= 0 || i >= en->nsyms)
		return 0;
	for (k = 0; k < WRITTEN_NAMES; k++) {
		void *hit;
		int32_t nid;

		snprintf(key, sizeof(key), "D%d'%d", i, k);
		hit = hmap_get(&en->symmap, key);
		if (!hit) {
			const struct sym *o = &en->syms[i];
			struct sym s;

			memset(&s, 0, sizeof(s));
			/* opaque: reachable only through the bindings
			 * that hold it (state_gc), as a value read from
			 * memory the path can no longer name */
			s.kind = SYM_OPAQUE;
			s.site = -1;
			s.field_key = o->field_key ? xstrdup(o->field_key) : NULL;
			s.place = -1;
			return sym_intern(en, key, &s);
		}
		nid = sym_id((int)(intptr_t)hit - 1);
		if (!sym_in_use(en, st, nid) && !state_obj(st, nid))
			return nid;
	}
	return 0;
}
