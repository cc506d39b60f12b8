// SPDX-License-Identifier: GPL-2.0
/*
 * What memory holds, as checkers ask it: the constants the fields of
 * the caller's memory hold on the path, whether a field is known not 0
 * or excludes a value, which field an object was read from, and the
 * objects a local struct holds.  Writing and forgetting are in memory.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

/* A place of memory a caller also sees, of any type. */
static bool caller_memory(struct engine *en, int path)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent)
		if (en->paths[p].deref || en->paths[p].kind == 'g')
			return true;
	return false;
}

/*
 * The entry view.  A binding says what a place holds now; some questions
 * are about the state the function was entered in (double-free: can this
 * function run after that one's dangling return?), and need what the
 * place held before the path first wrote it: ubi's vol_cdev_release()
 * tests vol->updating, clears it, then frees the update buffer.  In the
 * reporting pass, the first store into a place of the caller's memory
 * whose value the path had learnt something of (a test: not 0, not K,
 * some bits) keeps that value, keyed by the path; a join of two paths
 * that knew different things knows nothing.  Only what excludes a value
 * is kept, so that paths differ in it only where it can decide.
 */
static int entry_slot;

static bool join_entry(const struct slot_val *a, const struct slot_val *b,
		       struct slot_val *out)
{
	if (a && b && a->a == b->a && a->b == b->b)
		*out = *a;
	else {
		out->a = V_UNK;
		out->b = 0;
	}
	return true;
}

void entry_view_init(void)
{
	static const struct slot_def def = { "engine:entry-view", SLOT_GLOBAL,
					     join_entry };

	entry_slot = engine_slot_register(&def);
}

void entry_view_store(struct engine *en, struct state *st, int path,
		      const struct value *before)
{
	struct slot_val v;

	/* a place the path never tested: its binding after the store is as
	 * good an answer as any (a read gives a symbol, which excludes
	 * nothing) */
	if (en->pass != PASS_REPORT || path < 0 || !before ||
	    slot_get(st, entry_slot, path) || !caller_memory(en, path))
		return;
	switch (before->kind) {
	case V_CONST: case V_NE: case V_NONNULL: case V_NEG: case V_POS:
	case V_NESET: case V_BITS:
		break;
	default:	/* nothing it excludes: no better than the binding */
		return;
	}
	v.a = (int64_t)before->kind |
	      (int64_t)((uint64_t)(uint32_t)before->obj << 8);
	v.b = before->c;
	slot_set(st, entry_slot, path, &v);
}

/* p = q: the places reached through p are other places now; what the
 * path knew of the old ones on entry is no longer theirs */
void entry_view_forget(struct engine *en, struct state *st, int path)
{
	int32_t keys[64], key;
	const struct slot_val *v;
	int pos = 0, n = 0, i, p;

	if (en->pass != PASS_REPORT)
		return;
	while (n < 64 && slot_iter(st, entry_slot, &pos, &key, &v)) {
		for (p = en->paths[key].parent; p >= 0; p = en->paths[p].parent)
			if (p == path)
				break;
		if (p >= 0)
			keys[n++] = key;
	}
	for (i = 0; i < n; i++)
		slot_clear(st, entry_slot, keys[i]);
}

/* binding i's value now, or as the function was entered */
static struct value view(const struct state *st, int i, bool at_entry)
{
	const struct slot_val *e = at_entry ?
				   slot_get(st, entry_slot, st->b[i].path) : NULL;
	struct value v;

	if (!e)
		return st->b[i].v;
	memset(&v, 0, sizeof(v));
	v.kind = (uint8_t)(e->a & 0xff);
	v.obj = (int32_t)(uint32_t)((uint64_t)e->a >> 8);
	v.c = e->b;
	return v;
}

/* The interned field key of a place of the caller's memory, or NULL. */
static const char *caller_field_key(struct engine *en, int path)
{
	char fk[512];
	const char *k;

	if (!caller_memory(en, path))
		return NULL;
	k = path_field_key(en, path, fk, sizeof(fk));
	return k ? engine_intern(en, k) : NULL;
}

int engine_field_consts(struct engine *en, struct state *st,
			const char **keys, int64_t *vals, int max)
{
	int i, n = 0;

	for (i = 0; i < st->nb && n < max; i++) {
		if (st->b[i].v.kind != V_CONST ||
		    !(keys[n] = caller_field_key(en, st->b[i].path)))
			continue;
		vals[n++] = st->b[i].v.c;
	}
	return n;
}

/* v says the place does not hold c */
static bool value_excludes(struct value v, int64_t c)
{
	switch (v.kind) {
	case V_CONST:
		return v.c != c;
	case V_NE:
		return v.c == c;
	case V_NONNULL:
		return c == 0;
	case V_NEG:
		return c >= 0;
	case V_POS:
		return c <= 0;
	case V_NESET:
		return c >= 0 && c < 64 && ((uint64_t)v.c & (1ULL << c));
	default:
		return false;
	}
}

/*
 * One field under two keys: the key names the record type of the pointer
 * the field was reached through, so int_params->out.int_mode (with
 * int_params = &cdev->int_params) is "struct qed_int_params::out.int_mode"
 * and cdev->int_params.out.int_mode "struct qed_dev::int_params.out.int_mode".
 * Equal keys, or one's member path a suffix of the other's, at a '.'.
 */
bool engine_same_field(const char *a, const char *b)
{
	const char *ma = strstr(a, "::"), *mb = strstr(b, "::");
	size_t la, lb;

	if (!strcmp(a, b))
		return true;
	if (!ma || !mb)
		return false;
	/* one record: two member paths are two fields (hif_device_usb's
	 * flags and tx.flags) */
	if (ma - a == mb - b && !strncmp(a, b, (size_t)(ma - a)))
		return false;
	ma += 2;
	mb += 2;
	la = strlen(ma);
	lb = strlen(mb);
	if (la > lb) {
		const char *t = ma;

		ma = mb;
		mb = t;
		la = lb;
		lb = strlen(mb);
	}
	return la < lb && mb[lb - la - 1] == '.' && !strcmp(mb + lb - la, ma);
}

int engine_field_nonzero(struct engine *en, struct state *st,
			 const char **keys, int max)
{
	int i, n = 0;

	for (i = 0; i < st->nb && n < max; i++)
		if (value_excludes(view(st, i, true), 0) &&
		    (keys[n] = caller_field_key(en, st->b[i].path)))
			n++;
	return n;
}

int engine_field_bits(struct engine *en, struct state *st, bool at_entry,
		      const char **keys, uint32_t *set, int max)
{
	int i, n = 0;

	for (i = 0; i < st->nb && n < max; i++) {
		uint32_t s1, c1;

		if (!value_bits(view(st, i, at_entry), &s1, &c1) || !s1 ||
		    !(keys[n] = caller_field_key(en, st->b[i].path)))
			continue;
		set[n++] = s1;
	}
	return n;
}

bool engine_field_excludes(struct engine *en, struct state *st,
			   const char *key, int64_t c)
{
	char fk[512];
	bool seen = false;
	int i;

	for (i = 0; i < st->nb; i++) {
		const char *k = path_field_key(en, st->b[i].path, fk,
					       sizeof(fk));

		if (!k || !engine_same_field(k, key))
			continue;
		if (!value_excludes(view(st, i, true), c))
			return false;
		seen = true;
	}
	return seen;
}

const char *engine_field_of(struct engine *en, struct state *st, int32_t id)
{
	struct store_info si;
	char fk[512];
	int i;

	for (i = 0; i < st->nb; i++) {
		if (st->b[i].v.kind != V_OBJ || st->b[i].v.obj != id)
			continue;
		memset(&si, 0, sizeof(si));
		if (store_target(en, st, st->b[i].path, &si, fk, sizeof(fk)) &&
		    si.field_key &&
		    (si.container == LINK_NONE ? si.outlives :
		     si.container < 0 ? sym_rooted(en, si.container) :
		     obj_outlives(en, st, si.container)))
			return engine_intern(en, si.field_key);
	}
	return NULL;
}

int engine_objects_at(struct engine *en, struct state *st,
		      const struct ir_expr *e, int32_t *ids, int max)
{
	if (!e || e->kind != EX_ADDR || !e->a || !e->a->is_record ||
	    !engine_expr_in_frame(en, e->a))
		return 0;
	return engine_objects_in(en, st, e->a, ids, max);
}

int engine_objects_in(struct engine *en, struct state *st,
		      const struct ir_expr *e, int32_t *ids, int max)
{
	int root = expr_path(en, e), i, n = 0;

	if (root < 0)
		return 0;
	for (i = 0; i < st->nb && n < max; i++) {
		int p;

		if (st->b[i].v.kind != V_OBJ)
			continue;
		for (p = st->b[i].path; p >= 0; p = en->paths[p].parent)
			if (p == root)
				break;
		if (p >= 0 && st->b[i].path != root)
			ids[n++] = obj_of(en, st->b[i].v.obj);
	}
	return n;
}
