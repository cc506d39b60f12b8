// SPDX-License-Identifier: GPL-2.0
/*
 * The same test of unchanged locals goes the same way.
 *
 *   if (ver < 2)
 *           notif = kmemdup(...);
 *   ...
 *   if (ver < 2)
 *           kfree(notif);
 *
 * The engine keeps no ranges, so `ver < 2` taken teaches it nothing about
 * ver, and the second test would be open both ways: the path that
 * allocated and skipped the free looks like a leak (iwlwifi d3.c
 * iwl_mvm_wait_d3_notif()).  A function's branch conditions built only
 * of locals and parameters whose address is never taken, constants,
 * comparisons and arithmetic are hashed, a test and its negation alike
 * (`x > K` as `!(x <= K)`); a condition that appears at two
 * branches or more is recorded on each path that decides it, and a later
 * branch on it follows the recorded way.  An assignment to one of its
 * variables forgets the record.  Only repeated conditions are recorded:
 * a record makes two paths differ, so recording every test would keep
 * apart paths that the memo now joins.
 *
 * The same rule gates branch.c's flag-word bits: the bits a test of
 * `place & K` teaches of a word holding a symbol are kept only when
 * another branch tests a bit of K of the same place.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

static int retest_slot;

/* Both paths joined past the budget: kept only when both agree (NULL). */
void retest_init(void)
{
	static const struct slot_def def = { "engine:retest", SLOT_GLOBAL,
					     NULL };

	retest_slot = engine_slot_register(&def);
}

struct hstate {
	uint64_t h1, h2, mask;
	bool ok;
	const uint64_t *addressed;	/* liveness_addressed_set() */
};

static void mix(struct hstate *h, uint64_t x)
{
	h->h1 = (h->h1 ^ x) * 0x100000001b3ULL;
	h->h2 = (h->h2 + x + 0x9e3779b97f4a7c15ULL) * 0xff51afd7ed558ccdULL;
	h->h2 ^= h->h2 >> 29;
}

static void hash_expr(const struct ir_func *fn, const struct ir_expr *e,
		      struct hstate *h)
{
	if (!e || !h->ok)
		return;
	mix(h, (uint64_t)e->kind * 131 + (uint64_t)(e->op + 7));
	switch (e->kind) {
	case EX_CONST:
		mix(h, (uint64_t)e->ival);
		return;
	case EX_VAR:
		if (e->var < 0 || e->var >= 64 || e->var >= fn->nvars ||
		    fn->vars[e->var].kind == VAR_GLOBAL ||
		    liveness_in_set(h->addressed, e->var)) {
			h->ok = false;
			return;
		}
		mix(h, (uint64_t)e->var + 1000);
		h->mask |= 1ULL << e->var;
		return;
	case EX_NOT:
	case EX_CMP:
	case EX_ARITH:
		hash_expr(fn, e->a, h);
		mix(h, 0x5a);
		hash_expr(fn, e->b, h);
		return;
	default:
		h->ok = false;
		return;
	}
}

static bool branch_hash(const struct ir_func *fn, const struct ir_block *b,
			const uint64_t *addressed, struct retest *out)
{
	struct hstate h = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL, 0,
			    true, addressed };
	const struct ir_expr *c;
	struct ir_expr flip;
	bool truthy = true;

	if (b->term != T_BRANCH || !b->cond)
		return false;
	/* one form for a test and its negation: !x and x == 0 are x,
	 * x > K is !(x <= K), x >= K !(x < K), x != K !(x == K) (t613's
	 * `if (len * 2 <= USB_BUF_SZ)` then `if (len * 2 > USB_BUF_SZ)
	 * kfree(tmpbuf);`) */
	c = cond_truth(b->cond, &truthy);
	out->neg = !truthy;
	if (c->kind == EX_CMP &&
	    (c->op == CMP_NE || c->op == CMP_GT || c->op == CMP_GE)) {
		flip = *c;
		flip.op = c->op == CMP_NE ? CMP_EQ :
			  c->op == CMP_GT ? CMP_LE : CMP_LT;
		c = &flip;
		out->neg = !out->neg;
	}
	hash_expr(fn, c, &h);
	if (!h.ok || !h.mask)
		return false;
	out->key = (int32_t)(h.h1 ^ (h.h1 >> 32));
	out->check = (int64_t)(h.h2 >> 2);	/* (check << 1) | truth stays positive */
	out->mask = h.mask;
	return true;
}

/* The shape of a place: vars, fields by name, constant indexes. */
static bool place_hash(const struct ir_expr *e, struct hstate *h)
{
	if (!e)
		return false;
	mix(h, (uint64_t)e->kind);
	switch (e->kind) {
	case EX_VAR:
		mix(h, (uint64_t)e->var + 1000);
		return true;
	case EX_CONST:
		mix(h, (uint64_t)e->ival);
		return true;
	case EX_MEMBER:
		mix(h, hash_str(e->field ? e->field : ""));
		return place_hash(e->a, h);
	case EX_DEREF:
		return place_hash(e->a, h);
	case EX_INDEX:
		return place_hash(e->a, h) && place_hash(e->b, h);
	default:
		return false;
	}
}

uint64_t retest_place_shape(const struct ir_expr *e)
{
	struct hstate h = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL, 0,
			    true, NULL };

	return place_hash(e, &h) ? h.h2 | 1 : 0;
}

/* if (place & K), if (!(place & K)), if ((place & K) != 0) */
static bool bits_test(const struct ir_block *b, struct retest *out)
{
	const struct ir_expr *c;
	bool truthy = true;
	struct hstate h = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL, 0,
			    true, NULL };

	if (b->term != T_BRANCH || !b->cond)
		return false;
	c = cond_truth(b->cond, &truthy);
	if (c->kind != EX_ARITH || c->op != AR_AND || !c->b ||
	    c->b->kind != EX_CONST || !c->b->ival || !place_hash(c->a, &h))
		return false;
	out->bits_place = h.h1 ^ h.h2;
	out->bits_k = (uint64_t)c->b->ival;
	return true;
}

/*
 * The sym_bits refinement is kept for the places whose bits two branches
 * test: a record makes two paths differ, so one test of a flag word
 * would only split paths that join today.
 */
static void mark_bits_repeated(const struct ir_func *fn, struct retest *r)
{
	int *idx = xcalloc(fn->nblocks + 1, sizeof(*idx));
	int i, j, n = 0;

	for (i = 0; i < fn->nblocks; i++)
		if (bits_test(&fn->blocks[i], &r[i]))
			idx[n++] = i;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			struct retest *x = &r[idx[i]], *y = &r[idx[j]];

			if (x->bits_place == y->bits_place &&
			    (x->bits_k & y->bits_k))
				x->bits_repeated = y->bits_repeated = true;
		}
	free(idx);
}

bool retest_bits_repeated(const struct engine *en, int block)
{
	return en->retest && block >= 0 && en->retest[block].bits_repeated;
}

struct retest *retest_prepare(const struct ir_func *fn)
{
	struct retest *r = xcalloc(fn->nblocks + 1, sizeof(*r));
	uint64_t *addressed = liveness_addressed_set(fn);
	int i, j;

	for (i = 0; i < fn->nblocks; i++)
		if (!branch_hash(fn, &fn->blocks[i], addressed, &r[i]))
			r[i].mask = 0;
	free(addressed);
	/* keep the conditions tested at two branches or more */
	for (i = 0; i < fn->nblocks; i++) {
		bool twice = false;

		if (!r[i].mask)
			continue;
		for (j = 0; j < fn->nblocks && !twice; j++)
			twice = j != i && r[j].mask && r[j].key == r[i].key &&
				r[j].check == r[i].check;
		r[i].repeated = twice;
	}
	mark_bits_repeated(fn, r);
	return r;
}

/* The way this path went at an earlier branch on the same condition:
 * 1 true, 0 false, -1 not recorded. */
int retest_recorded(struct engine *en, const struct state *st, int block)
{
	const struct retest *r = en->retest ? &en->retest[block] : NULL;
	const struct slot_val *v;

	if (!r || !r->repeated)
		return -1;
	v = slot_get(st, retest_slot, r->key);
	if (!v || (v->a >> 1) != r->check)
		return -1;
	return (int)((v->a & 1) ^ r->neg);
}

void retest_record(struct engine *en, struct state *st, int block,
		   bool truthy)
{
	const struct retest *r = en->retest ? &en->retest[block] : NULL;
	struct slot_val v;

	if (!r || !r->repeated)
		return;
	v.a = (r->check << 1) | (truthy != r->neg ? 1 : 0);
	v.b = (int64_t)r->mask;
	slot_set(st, retest_slot, r->key, &v);
}

/* var was assigned: the tests that read it no longer hold. */
void retest_forget_var(struct state *st, int var)
{
	int32_t keys[64], key;
	const struct slot_val *v;
	int pos, n, i;

	if (var < 0 || var >= 64)
		return;
	do {
		pos = 0;
		n = 0;
		while (n < 64 && slot_iter(st, retest_slot, &pos, &key, &v))
			if (((uint64_t)v->b >> var) & 1)
				keys[n++] = key;
		for (i = 0; i < n; i++)
			slot_clear(st, retest_slot, keys[i]);
	} while (n == 64);
}
