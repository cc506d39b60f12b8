// SPDX-License-Identifier: GPL-2.0
/*
 * Abstract states: bindings of access paths to values, tracked objects
 * with their null-ness, and the checkers' slots.  The engine carries the
 * slots without knowing what they mean: each slot type says how two of
 * its values join, and is hashed and compared bytewise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "engine_impl.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

static struct slot_def slot_defs[MAX_SLOT_TYPES];
bool slot_is_note[MAX_SLOT_TYPES];
static int nslot_defs;

int engine_slot_register(const struct slot_def *def)
{
	if (nslot_defs == MAX_SLOT_TYPES) {
		fprintf(stderr, "kmemlint: too many state slot types\n");
		exit(2);
	}
	slot_defs[nslot_defs] = *def;
	return nslot_defs++;
}

int engine_note_slot_register(const struct slot_def *def)
{
	int type = engine_slot_register(def);

	slot_is_note[type] = true;
	return type;
}

const struct slot_def *slot_def_of(int type)
{
	return type >= 0 && type < nslot_defs ? &slot_defs[type] : NULL;
}

int slot_ndefs(void)
{
	return nslot_defs;
}

int64_t loc_pack(struct ir_loc loc)
{
	return ((int64_t)loc.line << 24) | (loc.col & 0xffffff);
}

struct ir_loc loc_unpack(int64_t v)
{
	struct ir_loc loc;

	loc.line = (unsigned)(v >> 24);
	loc.col = (unsigned)(v & 0xffffff);
	return loc;
}

struct state *state_new(void)
{
	return xcalloc(1, sizeof(struct state));
}

static void *dup_array(const void *src, int n, size_t size)
{
	void *d;

	if (!n)
		return NULL;
	d = xmalloc(n * size);
	memcpy(d, src, n * size);
	return d;
}

struct state *state_copy(const struct state *s)
{
	struct state *c = xmalloc(sizeof(*c));

	*c = *s;
	c->balloc = s->nb;
	c->oalloc = s->no;
	c->salloc = s->ns;
	c->b = dup_array(s->b, s->nb, sizeof(*s->b));
	c->o = dup_array(s->o, s->no, sizeof(*s->o));
	c->s = dup_array(s->s, s->ns, sizeof(*s->s));
	return c;
}

void state_free(struct state *s)
{
	if (!s)
		return;
	free(s->b);
	free(s->o);
	free(s->s);
	free(s);
}

void state_swap(struct state *a, struct state *b)
{
	struct state t = *a;

	*a = *b;
	*b = t;
}

/* ---- bindings ---- */

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

void state_drop_if(struct state *s, bool (*pred)(void *, int), void *arg)
{
	state_drop_if_after(s, -1, pred, arg);
}

void state_drop_if_after(struct state *s, int after,
			 bool (*pred)(void *, int), void *arg)
{
	bool found;
	int i, j;

	i = after < 0 ? 0 : find_binding(s, after + 1, &found);
	for (j = i; i < s->nb; i++)
		if (!pred(arg, s->b[i].path))
			s->b[j++] = s->b[i];
	s->nb = j;
}

/* ---- objects ---- */

static int find_obj(const struct state *s, int32_t id, bool *found)
{
	int lo = 0, hi = s->no;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (s->o[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < s->no && s->o[lo].id == id;
	return lo;
}

struct objst *state_obj(struct state *s, int32_t id)
{
	bool found;
	int i = find_obj(s, id, &found);

	return found ? &s->o[i] : NULL;
}

struct objst *state_add_obj(struct state *s, const struct objst *o)
{
	bool found;
	int i = find_obj(s, o->id, &found);

	if (found) {
		s->o[i] = *o;
		return &s->o[i];
	}
	if (s->no == s->oalloc) {
		s->oalloc = s->oalloc ? s->oalloc * 2 : 4;
		s->o = xrealloc(s->o, s->oalloc * sizeof(*s->o));
	}
	memmove(&s->o[i + 1], &s->o[i], (s->no - i) * sizeof(*s->o));
	s->o[i] = *o;
	s->no++;
	return &s->o[i];
}

void state_del_obj(struct state *s, int32_t id)
{
	bool found;
	int i = find_obj(s, id, &found), j, k = 0;

	if (found) {
		memmove(&s->o[i], &s->o[i + 1], (s->no - i - 1) * sizeof(*s->o));
		s->no--;
	}
	for (j = 0; j < s->ns; j++) {
		const struct slot_def *d = slot_def_of(s->s[j].type);

		if (d->scope == SLOT_OBJECT && s->s[j].key == id)
			continue;
		s->s[k++] = s->s[j];
	}
	s->ns = k;
}

void state_rename_obj(struct state *s, int32_t from, int32_t to)
{
	struct objst *o = state_obj(s, from), copy;
	struct slot *moved = NULL;
	bool had = o != NULL;
	int i, n = 0;

	if (had)
		copy = *o;
	for (i = 0; i < s->ns; i++)
		if (slot_def_of(s->s[i].type)->scope == SLOT_OBJECT &&
		    s->s[i].key == from) {
			moved = xrealloc(moved, (n + 1) * sizeof(*moved));
			moved[n++] = s->s[i];
		}
	state_del_obj(s, from);
	if (had) {
		copy.id = to;
		state_add_obj(s, &copy);
	}
	for (i = 0; i < n; i++)
		slot_set(s, moved[i].type, to, &moved[i].v);
	free(moved);
	for (i = 0; i < s->no; i++)
		if (s->o[i].link == from)
			s->o[i].link = to;
	for (i = 0; i < s->nb; i++) {
		struct value *v = &s->b[i].v;

		if ((v->kind == V_OBJ || v->kind == V_PRED ||
		     v->kind == V_REL) && v->obj == from)
			v->obj = to;
		if (v->kind == V_REL && v->c == from)
			v->c = to;
	}
}

/* ---- slots ---- */

static int slot_cmp(int type, int32_t key, const struct slot *s)
{
	if (type != s->type)
		return type < s->type ? -1 : 1;
	if (key != s->key)
		return key < s->key ? -1 : 1;
	return 0;
}

static int find_slot(const struct state *s, int type, int32_t key,
		     bool *found)
{
	int lo = 0, hi = s->ns;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (slot_cmp(type, key, &s->s[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < s->ns && !slot_cmp(type, key, &s->s[lo]);
	return lo;
}

const struct slot_val *slot_get(const struct state *st, int slot,
				int32_t key)
{
	bool found;
	int i = find_slot(st, slot, key, &found);

	return found ? &st->s[i].v : NULL;
}

void slot_set(struct state *st, int slot, int32_t key,
	      const struct slot_val *vp)
{
	/* a copy: vp may point into st->s (slot_get's answer), which the
	 * realloc and memmove below move */
	const struct slot_val vv = *vp, *v = &vv;
	bool found;
	int i = find_slot(st, slot, key, &found);

	if (found) {
		st->s[i].v = *v;
		return;
	}
	if (st->ns == st->salloc) {
		st->salloc = st->salloc ? st->salloc * 2 : 4;
		st->s = xrealloc(st->s, st->salloc * sizeof(*st->s));
	}
	memmove(&st->s[i + 1], &st->s[i], (st->ns - i) * sizeof(*st->s));
	memset(&st->s[i], 0, sizeof(st->s[i]));
	st->s[i].type = (uint16_t)slot;
	st->s[i].key = key;
	st->s[i].v = *v;
	st->ns++;
}

void slot_clear(struct state *st, int slot, int32_t key)
{
	bool found;
	int i = find_slot(st, slot, key, &found);

	if (!found)
		return;
	memmove(&st->s[i], &st->s[i + 1], (st->ns - i - 1) * sizeof(*st->s));
	st->ns--;
}

bool slot_iter(const struct state *st, int slot, int *pos, int32_t *key,
	       const struct slot_val **v)
{
	bool found;
	int i = *pos;

	if (i == 0)
		i = find_slot(st, slot, INT32_MIN, &found);
	if (i >= st->ns || st->s[i].type != slot)
		return false;
	*key = st->s[i].key;
	*v = &st->s[i].v;
	*pos = i + 1;
	return true;
}

void state_drop_path_slots(struct state *s, bool (*pred)(void *, int),
			   void *arg)
{
	int i, j = 0;

	for (i = 0; i < s->ns; i++) {
		const struct slot_def *d = slot_def_of(s->s[i].type);

		if (d->scope == SLOT_PATH && pred(arg, s->s[i].key))
			continue;
		s->s[j++] = s->s[i];
	}
	s->ns = j;
}
