// SPDX-License-Identifier: GPL-2.0
/*
 * Abstract states: bindings of access paths to values, and the tracked
 * objects (allocations, parameters) with their null-ness and flags.  Both
 * arrays are kept sorted so that equal states hash and compare equal.
 */
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

struct state *state_new(void)
{
	return xcalloc(1, sizeof(struct state));
}

struct state *state_copy(const struct state *s)
{
	struct state *c = xmalloc(sizeof(*c));

	*c = *s;
	c->balloc = s->nb;
	c->oalloc = s->no;
	c->b = s->nb ? xmalloc(s->nb * sizeof(*c->b)) : NULL;
	c->o = s->no ? xmalloc(s->no * sizeof(*c->o)) : NULL;
	if (s->nb)
		memcpy(c->b, s->b, s->nb * sizeof(*c->b));
	if (s->no)
		memcpy(c->o, s->o, s->no * sizeof(*c->o));
	return c;
}

void state_free(struct state *s)
{
	if (!s)
		return;
	free(s->b);
	free(s->o);
	free(s);
}

static int find_binding(const struct state *s, int path, bool *found)
{
	int lo = 0, hi = s->nb;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (s->b[mid].path < path)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < s->nb && s->b[lo].path == path;
	return lo;
}

const struct value *state_get(const struct state *s, int path)
{
	bool found;
	int i = find_binding(s, path, &found);

	return found ? &s->b[i].v : NULL;
}

void state_set(struct state *s, int path, const struct value *v)
{
	bool found;
	int i = find_binding(s, path, &found);

	if (found) {
		if (v->kind == V_UNK) {
			memmove(&s->b[i], &s->b[i + 1],
				(s->nb - i - 1) * sizeof(*s->b));
			s->nb--;
		} else {
			s->b[i].v = *v;
		}
		return;
	}
	if (v->kind == V_UNK)
		return;
	if (s->nb == s->balloc) {
		s->balloc = s->balloc ? s->balloc * 2 : 8;
		s->b = xrealloc(s->b, s->balloc * sizeof(*s->b));
	}
	memmove(&s->b[i + 1], &s->b[i], (s->nb - i) * sizeof(*s->b));
	s->b[i].path = path;
	s->b[i].v = *v;
	s->nb++;
}

/* Drop bindings for which pred(path) holds (e.g. sub-paths of a store). */
void state_drop_if(struct state *s, bool (*pred)(void *, int), void *arg)
{
	int i, j = 0;

	for (i = 0; i < s->nb; i++)
		if (!pred(arg, s->b[i].path))
			s->b[j++] = s->b[i];
	s->nb = j;
}

struct objst *state_obj(struct state *s, int32_t id)
{
	int lo = 0, hi = s->no;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (s->o[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->no && s->o[lo].id == id ? &s->o[lo] : NULL;
}

struct objst *state_add_obj(struct state *s, const struct objst *o)
{
	int lo = 0, hi = s->no;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (s->o[mid].id < o->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->no && s->o[lo].id == o->id) {
		s->o[lo] = *o;
		return &s->o[lo];
	}
	if (s->no == s->oalloc) {
		s->oalloc = s->oalloc ? s->oalloc * 2 : 4;
		s->o = xrealloc(s->o, s->oalloc * sizeof(*s->o));
	}
	memmove(&s->o[lo + 1], &s->o[lo], (s->no - lo) * sizeof(*s->o));
	s->o[lo] = *o;
	s->no++;
	return &s->o[lo];
}

/* Objects no binding refers to any more and that need no end-of-path
 * check are dropped, so states that differ only by dead objects merge. */
void state_gc(struct state *s, bool (*keep)(const struct objst *))
{
	int i, j = 0, k;

	for (i = 0; i < s->no; i++) {
		bool live = keep && keep(&s->o[i]);

		for (k = 0; !live && k < s->nb; k++) {
			const struct value *v = &s->b[k].v;

			if ((v->kind == V_OBJ || v->kind == V_PRED) &&
			    v->obj == s->o[i].id)
				live = true;
		}
		if (live)
			s->o[j++] = s->o[i];
	}
	s->no = j;
}

static void hash_value(uint64_t *h, const struct value *v)
{
	int64_t w[3] = { v->kind | (v->pred_null << 8), v->obj, v->c };

	if (v->kind != V_CONST)
		w[2] = 0;
	*h = hash_bytes(w, sizeof(w), *h);
}

uint64_t state_hash(const struct state *s)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL;
	int i;

	for (i = 0; i < s->nb; i++) {
		h = hash_bytes(&s->b[i].path, sizeof(s->b[i].path), h);
		hash_value(&h, &s->b[i].v);
	}
	for (i = 0; i < s->no; i++) {
		const struct objst *o = &s->o[i];
		int64_t w[4] = { o->id, o->family, o->null | (o->flags << 8),
				 o->order | (o->can_fail << 16) };

		h = hash_bytes(w, sizeof(w), h);
	}
	return h;
}

static bool value_eq(const struct value *a, const struct value *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case V_CONST:
		return a->c == b->c;
	case V_OBJ:
		return a->obj == b->obj;
	case V_PRED:
		return a->obj == b->obj && a->pred_null == b->pred_null;
	default:
		return true;
	}
}

bool state_equal(const struct state *a, const struct state *b)
{
	int i;

	if (a->nb != b->nb || a->no != b->no)
		return false;
	for (i = 0; i < a->nb; i++)
		if (a->b[i].path != b->b[i].path ||
		    !value_eq(&a->b[i].v, &b->b[i].v))
			return false;
	for (i = 0; i < a->no; i++)
		if (memcmp(&a->o[i], &b->o[i], sizeof(a->o[i])))
			return false;
	return true;
}

/*
 * Join, used only once a function's budget is spent: bindings that differ
 * become unknown; an object's null-ness that differs becomes MAYBE but
 * keeps OF_CHECKED/OF_DEREFED if either path had them, so the merge can
 * lose findings but never invents one.
 */
struct state *state_join(const struct state *a, const struct state *b)
{
	struct state *j = state_new();
	int i;

	for (i = 0; i < a->nb; i++) {
		const struct value *bv = state_get(b, a->b[i].path);

		if (bv && value_eq(bv, &a->b[i].v))
			state_set(j, a->b[i].path, &a->b[i].v);
	}
	for (i = 0; i < a->no; i++) {
		const struct objst *bo = state_obj((struct state *)b,
						   a->o[i].id);
		struct objst o = a->o[i];

		if (!bo) {
			o.flags |= OF_MERGED;
			state_add_obj(j, &o);
			continue;
		}
		if (bo->null != o.null)
			o.null = NL_MAYBE;
		/* checked/used if either path says so (no new unchecked-alloc),
		 * freed only if both do (no new double-free or use-after-free) */
		o.flags = ((o.flags | bo->flags) & ~OF_FREED) |
			  (o.flags & bo->flags & OF_FREED) | OF_MERGED;
		if (bo->order != o.order)
			o.order = -1;
		state_add_obj(j, &o);
	}
	for (i = 0; i < b->no; i++) {
		struct objst o = b->o[i];

		if (state_obj(j, o.id))
			continue;
		o.flags |= OF_MERGED;
		state_add_obj(j, &o);
	}
	return j;
}
