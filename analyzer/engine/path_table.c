// SPDX-License-Identifier: GPL-2.0
/*
 * The paths of an exploration, interned by their steps: parent, kind,
 * deref, variable, field (by its text), constant index and the text of an
 * index expression (kept with the path).  An open-addressing table of
 * indices + 1; a path is never removed, and a child is always interned
 * after its parent, so the places under a path have larger indices
 * (state_drop_if_after()).  A text key copied into a string map was a
 * tenth of a large file's exploration.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

static uint64_t str_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/* A path is its steps: parent, kind, deref, variable, field (by its
 * text), constant index and the text of an index expression. */
static uint64_t path_hash(const struct path *p, const char *ikey)
{
	uint64_t h = (uint64_t)(uint32_t)p->parent * 0x9e3779b97f4a7c15ULL;

	h ^= ((uint64_t)(unsigned char)p->kind << 8 | (uint64_t)p->deref) +
	     (uint64_t)(uint32_t)p->var * 0xbf58476d1ce4e5b9ULL;
	h ^= (uint64_t)p->idx * 0x94d049bb133111ebULL;
	h ^= str_hash(p->field) * 31 + str_hash(ikey);
	h ^= h >> 29;
	return h * 0x9e3779b97f4a7c15ULL;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_path(const struct path *a, const struct path *b,
		      const char *ikey)
{
	return a->parent == b->parent && a->kind == b->kind &&
	       a->deref == b->deref && a->var == b->var && a->idx == b->idx &&
	       same_str(a->field, b->field) && same_str(a->ikey, ikey);
}

static void ptab_grow(struct engine *en)
{
	size_t cap = en->ptab_cap ? en->ptab_cap * 2 : 256, i;
	int *t = xcalloc(cap, sizeof(*t));

	for (i = 0; i < (size_t)en->npaths; i++) {
		const struct path *q = &en->paths[i];
		size_t j = path_hash(q, q->ikey) & (cap - 1);

		while (t[j])
			j = (j + 1) & (cap - 1);
		t[j] = (int)i + 1;
	}
	free(en->ptab);
	en->ptab = t;
	en->ptab_cap = cap;
}

/* The fields an index expression reads: a store to one of them moves
 * the element the path names (memory.c forget_field_deps()), and a store
 * to any other field need not look for such paths. */
static void note_idx_fields(struct engine *en, const struct ir_expr *e)
{
	for (; e; e = e->b) {
		if (e->kind == EX_MEMBER && e->field &&
		    !hmap_get(&en->idx_fields, e->field))
			hmap_put(&en->idx_fields, e->field, (void *)1);
		note_idx_fields(en, e->a);
	}
}

int path_intern(struct engine *en, const struct path *p, const char *ikey)
{
	struct path *np;
	size_t j;

	if ((size_t)(en->npaths + 1) * 2 > en->ptab_cap)
		ptab_grow(en);
	for (j = path_hash(p, ikey) & (en->ptab_cap - 1); en->ptab[j];
	     j = (j + 1) & (en->ptab_cap - 1)) {
		np = &en->paths[en->ptab[j] - 1];
		if (same_path(np, p, ikey)) {
			if (!np->rec && p->rec)
				np->rec = p->rec;
			return en->ptab[j] - 1;
		}
	}
	if (en->npaths == en->apaths) {
		en->apaths = en->apaths ? en->apaths * 2 : 64;
		en->paths = xrealloc(en->paths, en->apaths * sizeof(*en->paths));
	}
	np = &en->paths[en->npaths];
	*np = *p;
	np->ikey = ikey ? engine_intern(en, ikey) : NULL;
	np->fk_memo = NULL;
	np->fk_state = 0;
	np->depth = p->parent >= 0 ? en->paths[p->parent].depth + 1 : 0;
	np->root = p->parent >= 0 ? en->paths[p->parent].root : en->npaths;
	if (p->idx_expr)
		note_idx_fields(en, p->idx_expr);
	np->has_idx = p->idx_expr ||
		      (p->parent >= 0 && en->paths[p->parent].has_idx);
	en->ptab[j] = en->npaths + 1;
	return en->npaths++;
}

/* path_object(id) if it was interned, else -1 (no place is under it) */
int path_object_find(struct engine *en, int32_t id)
{
	struct path p;
	size_t j;

	if (!en->ptab_cap)
		return -1;
	memset(&p, 0, sizeof(p));
	p.parent = -1;
	p.kind = 'o';
	p.var = id;
	for (j = path_hash(&p, NULL) & (en->ptab_cap - 1); en->ptab[j];
	     j = (j + 1) & (en->ptab_cap - 1))
		if (same_path(&en->paths[en->ptab[j] - 1], &p, NULL))
			return en->ptab[j] - 1;
	return -1;
}
