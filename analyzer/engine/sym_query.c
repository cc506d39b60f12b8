// SPDX-License-Identifier: GPL-2.0
/*
 * What is asked of an object: its state (made from its symbol when the
 * path has none yet), its subject as a caller names it, its origin (the
 * site or the store that made it, whether it stands for several), what
 * it was read through, and the place it was read from.
 */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

const struct objst *engine_obj(struct engine *en, const struct state *st,
			       int32_t id, struct objst *tmp)
{
	const struct sym *s;
	struct objst *o = state_obj((struct state *)st, id);

	if (o)
		return o;
	s = sym_of(en, id);
	if (!s)
		return NULL;
	memset(tmp, 0, sizeof(*tmp));
	tmp->id = id;
	tmp->family = (int16_t)s->family;
	tmp->order = (int16_t)s->order;
	tmp->null = s->nonnull ? NL_NONNULL : NL_MAYBE;
	tmp->link = LINK_NONE;
	return tmp;
}

int engine_allocations(struct engine *en, const struct state *st,
		       int32_t *ids, int max)
{
	int i, n = 0;

	(void)en;
	for (i = 0; i < st->no && n < max; i++)
		if (st->o[i].id >= 0)
			ids[n++] = st->o[i].id;
	return n;
}

struct objst *obj_materialize(struct engine *en, struct state *st, int32_t id)
{
	struct objst tmp, *o = state_obj(st, id);
	const struct objst *v;

	if (o)
		return o;
	v = engine_obj(en, st, id, &tmp);
	return v ? state_add_obj(st, v) : NULL;
}

const char *engine_subject(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);

	return s ? s->subject : NULL;
}

/*
 * A value read from the memory of several objects of one site, or from
 * memory read through such a value: one of several values too.  A stack
 * of frames built in a loop and popped a frame at a time between rounds
 * of that loop (mlx5 pagefault_single_data_segment(): frame->next = head;
 * head = frame; ... frame = head; head = frame->next; kfree(frame); goto
 * next_mr) reads ->next of the site's many-object again on a later round:
 * the same name, another frame.
 */
static bool read_from_many(struct engine *en, const struct sym *s)
{
	int k;

	for (k = 0; s && s->kind == SYM_FIELD && k < 16; k++) {
		s = sym_of(en, s->base);
		if (s && s->kind == SYM_MANY)
			return true;
	}
	return false;
}

bool engine_origin(struct engine *en, int32_t id, struct obj_origin *out)
{
	const struct sym *s;

	memset(out, 0, sizeof(*out));
	if (id >= 0) {
		if (id >= en->nsites || !en->sites[id].callee)
			return false;
		out->callee = en->sites[id].callee;
		out->via = en->sites[id].via;
		out->loc = en->sites[id].loc;
		return true;
	}
	s = sym_of(en, id);
	if (!s)
		return false;
	out->subject = s->subject;
	out->field_key = s->field_key;
	out->many = s->kind == SYM_MANY || read_from_many(en, s);
	if (s->store) {
		out->callee = s->store->str;
		out->loc = s->store->loc;
		out->fn = s->store->fn;
		out->file = s->store->file;
		if (out->fn && !out->file && !strcmp(out->fn, en->fn->name))
			out->fn = NULL;
	}
	return true;
}

bool sym_read_through(struct engine *en, int32_t x, int32_t id)
{
	int depth;

	for (depth = 0; depth < 16; depth++) {
		const struct sym *s;

		if (x == id)
			return true;
		s = sym_of(en, x);
		if (!s || (s->kind != SYM_FIELD && s->kind != SYM_ADDR))
			return false;
		x = s->base;
	}
	return false;
}

bool engine_read_through(struct engine *en, int32_t x, int32_t id)
{
	return sym_read_through(en, x, id);
}

bool engine_held_under(struct engine *en, const struct state *st,
		       int32_t id, int32_t container)
{
	int i;

	if (sym_read_through(en, id, container))
		return true;
	for (i = 0; i < st->nb; i++) {
		const struct path *root;

		if (st->b[i].v.kind != V_OBJ || st->b[i].v.obj != id)
			continue;
		root = &en->paths[en->paths[st->b[i].path].root];
		if (root->kind == 'o' &&
		    sym_read_through(en, root->var, container))
			return true;
	}
	return false;
}

bool engine_held_below(struct engine *en, const struct state *st,
		       int32_t id, const struct ir_expr *e)
{
	int p = e ? expr_path(en, e) : -1, i, q;

	if (p < 0)
		return false;
	for (i = 0; i < st->nb; i++) {
		if (st->b[i].v.kind != V_OBJ || st->b[i].v.obj != id)
			continue;
		for (q = en->paths[st->b[i].path].parent; q >= 0;
		     q = en->paths[q].parent)
			if (q == p)
				return true;
	}
	return false;
}

int engine_many_site(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);

	return s && s->kind == SYM_MANY ? s->site : -1;
}

/* The place a symbolic field object was read from, or -1. */
int sym_place(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);

	if (!s || (s->kind != SYM_FIELD && s->kind != SYM_GLOBAL))
		return -1;
	return s->place;
}
