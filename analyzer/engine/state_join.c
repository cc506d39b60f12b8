// SPDX-License-Identifier: GPL-2.0
/*
 * Abstract states compared: the hash that memoises a state at a block,
 * equality, and the join of two states when a function's budget is
 * spent.  A slot type joins by its own rule (slot_def.join); a note slot
 * (what a trace says, not what the path knows) is neither hashed nor
 * compared, and a join keeps either side's.
 */
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "engine_impl.h"

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
