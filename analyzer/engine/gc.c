// SPDX-License-Identifier: GPL-2.0
/*
 * Dropping what a path can no longer reach: objects and their slots that
 * no binding, parameter or global leads to, so that states differing only
 * by them merge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* The objects the bindings reference, sorted: each V_OBJ, V_PRED and
 * V_REL object, and the object a pointer into one (a member's or an
 * element's address) points into.  Built once a collection, so that it
 * costs the bindings plus the objects, not their product (soundfont.c's
 * summaries hold thousands of both). */
struct refs {
	int32_t *v;
	int n;
};

/* Sorted in place: qsort() through a comparison function was a
 * twentieth of a large file's exploration (a collection per step). */
static void sort_ids(int32_t *a, int n)
{
	while (n > 16) {
		int32_t p = a[n / 2], t;
		int i = 0, j = n - 1;

		while (i <= j) {
			while (a[i] < p)
				i++;
			while (a[j] > p)
				j--;
			if (i <= j) {
				t = a[i];
				a[i++] = a[j];
				a[j--] = t;
			}
		}
		/* the smaller side by recursion, the larger by the loop */
		if (j + 1 < n - i) {
			sort_ids(a, j + 1);
			a += i;
			n -= i;
		} else {
			sort_ids(a + i, n - i);
			n = j + 1;
		}
	}
	for (int i = 1; i < n; i++) {
		int32_t x = a[i];
		int j = i;

		while (j > 0 && a[j - 1] > x) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = x;
	}
}

static void refs_build(struct engine *en, const struct state *st,
		       struct refs *r)
{
	int k;

	r->v = xmalloc((3 * st->nb + 1) * sizeof(*r->v));
	r->n = 0;
	for (k = 0; k < st->nb; k++) {
		const struct value *v = &st->b[k].v;
		int32_t w;

		if (v->kind != V_OBJ && v->kind != V_PRED && v->kind != V_REL)
			continue;
		r->v[r->n++] = v->obj;
		if (v->kind == V_REL && v->c >= INT32_MIN && v->c <= INT32_MAX)
			r->v[r->n++] = (int32_t)v->c;
		if (v->kind == V_OBJ &&
		    (w = engine_obj_within(en, v->obj)) != v->obj)
			r->v[r->n++] = w;
	}
	sort_ids(r->v, r->n);
}

/* A binding references id, or a pointer into it. */
static bool referenced_by_binding(const struct refs *r, int32_t id)
{
	int lo = 0, hi = r->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (r->v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->n && r->v[lo] == id;
}

/*
 * Can this path still reach object id?  An allocation or an opaque value
 * only through a binding.  A parameter or a global always.  A field read
 * through a pointer also through its place, unless the place now holds
 * something else.  The summary pass keeps what its facts still need.
 */
static bool reachable(struct engine *en, struct state *st,
		      const struct refs *r, int32_t id)
{
	const struct sym *s;
	const struct value *pv;

	if (referenced_by_binding(r, id))
		return true;
	s = sym_of(en, id);
	if (!s)
		return false;
	switch (s->kind) {
	case SYM_PARAM:
	case SYM_GLOBAL:
		return true;
	case SYM_FIELD:
		if (en->pass == PASS_SUMMARY && s->subject)
			return true;
		if (s->place < 0)
			return true;
		pv = state_get(st, s->place);
		return !pv || (pv->kind == V_OBJ && pv->obj == id);
	default:
		return false;
	}
}

/* Objects nothing can reach any more (only a test of them did, or their
 * place was written) need no more tracking: drop them and their slots, so
 * that states that differ by them merge. */
void state_gc(struct engine *en, struct state *st)
{
	int32_t *ids = xmalloc((st->no + st->ns + 1) * sizeof(*ids));
	struct refs r;
	int i, n = 0;

	for (i = 0; i < st->no; i++)
		ids[n++] = st->o[i].id;
	for (i = 0; i < st->ns; i++)
		if (slot_def_of(st->s[i].type)->scope == SLOT_OBJECT &&
		    (!n || ids[n - 1] != st->s[i].key))
			ids[n++] = st->s[i].key;
	refs_build(en, st, &r);
	for (i = 0; i < n; i++)
		if (!reachable(en, st, &r, ids[i]))
			state_del_obj(st, ids[i]);
	free(r.v);
	free(ids);
}
