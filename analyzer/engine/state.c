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

#define MAX_SLOT_TYPES 64

static struct slot_def slot_defs[MAX_SLOT_TYPES];
static bool slot_is_note[MAX_SLOT_TYPES];
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

/* ---- hashing, equality, join ---- */

/* One 64-bit word into the hash: a multiply and a shift (hashing the
 * state byte by byte with FNV was a twelfth of a large file's time). */
static inline uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 33);
}

static uint64_t mix4(uint64_t h, const int64_t w[4])
{
	int i;

	for (i = 0; i < 4; i++)
		h = mix(h, (uint64_t)w[i]);
	return h;
}

static void hash_value(uint64_t *h, const struct value *v)
{
	uint64_t c = v->kind == V_CONST || v->kind == V_NE ||
		     v->kind == V_NESET || v->kind == V_REL ||
		     v->kind == V_BITS ? (uint64_t)v->c : 0;

	*h = mix(*h, (uint64_t)v->kind | ((uint64_t)v->pred_null << 8) |
		     ((uint64_t)(uint32_t)v->obj << 32));
	*h = mix(*h, c);
}

uint64_t state_hash(const struct state *s)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL;
	int i;

	for (i = 0; i < s->nb; i++) {
		h = mix(h, (uint64_t)(uint32_t)s->b[i].path);
		hash_value(&h, &s->b[i].v);
	}
	for (i = 0; i < s->no; i++) {
		const struct objst *o = &s->o[i];
		/* unsigned shifts: order is -1 when unknown */
		int64_t w[4] = { o->id,
				 (int64_t)((uint64_t)(uint32_t)o->family |
					   ((uint64_t)(uint32_t)o->order << 16)),
				 (int64_t)((uint64_t)(uint32_t)o->null |
					   ((uint64_t)(uint32_t)o->flags << 8) |
					   ((uint64_t)(uint32_t)o->can_fail << 16) |
					   ((uint64_t)(uint32_t)o->link_same << 24)),
				 o->link };

		h = mix4(h, w);
	}
	for (i = 0; i < s->ns; i++) {
		int64_t w[4] = { s->s[i].type, s->s[i].key, s->s[i].v.a,
				 s->s[i].v.b };

		if (slot_is_note[s->s[i].type])
			continue;
		h = mix4(h, w);
	}
	return h;
}

bool value_eq(const struct value *a, const struct value *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case V_CONST:
	case V_NE:
	case V_NESET:
		return a->c == b->c;
	case V_OBJ:
		return a->obj == b->obj;
	case V_PRED:
		return a->obj == b->obj && a->pred_null == b->pred_null;
	case V_REL:
	case V_BITS:
		return a->obj == b->obj && a->c == b->c &&
		       a->pred_null == b->pred_null;
	default:
		return true;
	}
}

static bool obj_eq(const struct objst *a, const struct objst *b)
{
	return a->id == b->id && a->family == b->family &&
	       a->order == b->order && a->null == b->null &&
	       a->flags == b->flags && a->can_fail == b->can_fail &&
	       a->link_same == b->link_same && a->link == b->link;
}

/* The next slot from *i on that is not a note, or NULL. */
static const struct slot *next_fact_slot(const struct state *s, int *i)
{
	while (*i < s->ns && slot_is_note[s->s[*i].type])
		(*i)++;
	return *i < s->ns ? &s->s[(*i)++] : NULL;
}

bool state_equal(const struct state *a, const struct state *b)
{
	const struct slot *x, *y;
	int i, j;

	if (a->nb != b->nb || a->no != b->no || a->guess != b->guess)
		return false;
	for (i = 0; i < a->nb; i++)
		if (a->b[i].path != b->b[i].path ||
		    !value_eq(&a->b[i].v, &b->b[i].v))
			return false;
	for (i = 0; i < a->no; i++)
		if (!obj_eq(&a->o[i], &b->o[i]))
			return false;
	/* note slots are not part of the identity */
	for (i = j = 0;;) {
		x = next_fact_slot(a, &i);
		y = next_fact_slot(b, &j);
		if (!x || !y)
			return !x && !y;
		if (x->type != y->type || x->key != y->key ||
		    x->v.a != y->v.a || x->v.b != y->v.b)
			return false;
	}
}

static void join_slot(struct state *j, int type, int32_t key,
		      const struct slot_val *a, const struct slot_val *b)
{
	const struct slot_def *d = slot_def_of(type);
	struct slot_val out;

	if (slot_is_note[type]) {
		slot_set(j, type, key, a ? a : b);
		return;
	}
	if (d->join) {
		if (d->join(a, b, &out))
			slot_set(j, type, key, &out);
		return;
	}
	if (a && b && a->a == b->a && a->b == b->b)
		slot_set(j, type, key, a);
}

/*
 * Join, used only once a function's budget is spent: bindings that differ
 * become unknown; an object's null-ness that differs becomes MAYBE but
 * keeps OF_CHECKED/OF_DEREFED if either path had them, so the merge can
 * lose findings but never invents one.  Slots join as their type says.
 */
static bool is_top(const struct value *v)
{
	return v && v->kind == V_TOP;
}

static void joined_ref(struct state *j, const struct value *v)
{
	struct objst *o;

	if (v->kind != V_OBJ)
		return;
	o = state_obj(j, v->obj);
	if (o)
		o->flags |= OF_JOINED;
}

struct state *state_join(const struct state *a, const struct state *b)
{
	static const struct value top = { V_TOP, 0, 0, 0 };
	struct state *j = state_new();
	int i;

	/* a place bound differently on the two paths, or on one only, holds
	 * some value: not the one it held on entry */
	for (i = 0; i < a->nb; i++) {
		const struct value *bv = state_get(b, a->b[i].path);
		uint32_t s1, c1, s2, c2;

		if (bv && value_eq(bv, &a->b[i].v))
			state_set(j, a->b[i].path, &a->b[i].v);
		else if (bv && value_bits(*bv, &s1, &c1) &&
			 value_bits(a->b[i].v, &s2, &c2) &&
			 ((s1 & s2) || (c1 & c2))) {
			/* bits of a flag word: the knowns both agree on */
			struct value m = vbits(s1 & s2, c1 & c2, true);

			state_set(j, a->b[i].path, &m);
		} else
			state_set(j, a->b[i].path, &top);
	}
	for (i = 0; i < b->nb; i++)
		if (!state_get(a, b->b[i].path))
			state_set(j, b->b[i].path, &top);
	for (i = 0; i < a->no; i++) {
		const struct objst *bo = state_obj((struct state *)b,
						   a->o[i].id);
		struct objst o = a->o[i];

		if (!bo)
			o.flags |= OF_JOINED;
		else {
			if (bo->null != o.null)
				o.null = NL_MAYBE;
			o.flags |= bo->flags;
			if (bo->order != o.order)
				o.order = -1;
			if (bo->link != o.link || bo->link_same != o.link_same)
				o.link = LINK_NONE;
			o.inferred |= bo->inferred;
		}
		state_add_obj(j, &o);
	}
	for (i = 0; i < b->no; i++) {
		struct objst o = b->o[i];

		if (state_obj(j, o.id))
			continue;
		o.flags |= OF_JOINED;
		state_add_obj(j, &o);
	}
	/* a place that held an object on one path and something else on
	 * the other: the object may have lost its last reference there */
	for (i = 0; i < a->nb; i++)
		if (is_top(state_get(j, a->b[i].path)))
			joined_ref(j, &a->b[i].v);
	for (i = 0; i < b->nb; i++)
		if (is_top(state_get(j, b->b[i].path)))
			joined_ref(j, &b->b[i].v);
	j->inferred_rules = a->inferred_rules | b->inferred_rules;
	j->guess = a->guess || b->guess;
	for (i = 0; i < a->ns; i++) {
		const struct slot_val *bv = slot_get(b, a->s[i].type,
						     a->s[i].key);

		join_slot(j, a->s[i].type, a->s[i].key, &a->s[i].v, bv);
	}
	for (i = 0; i < b->ns; i++)
		if (!slot_get(a, b->s[i].type, b->s[i].key))
			join_slot(j, b->s[i].type, b->s[i].key, NULL,
				  &b->s[i].v);
	return j;
}
