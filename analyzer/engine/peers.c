// SPDX-License-Identifier: GPL-2.0
/*
 * Two places compared, and the comparison repeated or met in a callee.
 *
 *   if (card->rx_cmd_ep != context->ep)
 *           dev_kfree_skb_any(skb);
 *   ...
 *   if (card->rx_cmd_ep == context->ep)
 *           resubmit(skb);
 *
 * Neither field is known, so the engine has no value to bind: each test
 * alone is open both ways, and the path that freed the skb also seems to
 * resubmit it (mwifiex mwifiex_usb_rx_complete()).  The way an equality
 * of two integer places went is recorded in a path slot on each of the
 * two canonical places (the other place, equal or not); a later test of
 * the same two places, in either order and as == or !=, follows it.
 * Writing either place drops its slot, and with it the record, as for a
 * place tested against a constant.  Unlike retest.c, a pair tested once
 * is recorded too: a callee may test the same pair (its dereference's
 * guard, below).  Such comparisons are rare enough that the paths the
 * records keep apart cost little.
 *
 * An order is recorded the same way, when the function compares the same
 * two places at two branches or more (as retest.c, so that a loop's
 * `i < n` keeps no path apart):
 *
 *   if (req->actual < req->length)
 *           fp->rx.skb = NULL;
 *   ...
 *   if (req->actual < req->length)
 *           netif_rx(skb);
 *
 * (f_phonet's pn_rx_complete(): the skb it hands to netif_rx() is no
 * longer in fp->rx.skb.)  A record is the set of outcomes (below, equal,
 * above) the path left for "place < other place"; a later test follows
 * it when the set decides the test, and narrows it otherwise.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

static int peer_slot;

/* the outcomes of comparing a with b: a record's b is a set of them */
#define PO_LT	1
#define PO_EQ	2
#define PO_GT	4
#define PO_ALL	7

/* Joined past the budget: kept only where both paths agree (NULL). */
void peers_init(void)
{
	static const struct slot_def def = { "engine:peer", SLOT_PATH, NULL };

	peer_slot = engine_slot_register(&def);
}

/* The outcomes where `a OP b` holds. */
static int op_outcomes(int op)
{
	switch (op) {
	case CMP_EQ: return PO_EQ;
	case CMP_NE: return PO_LT | PO_GT;
	case CMP_LT: return PO_LT;
	case CMP_LE: return PO_LT | PO_EQ;
	case CMP_GT: return PO_GT;
	default: return PO_GT | PO_EQ;	/* CMP_GE */
	}
}

/* The same outcomes seen from b: below and above swap. */
static int mirror(int m)
{
	return (m & PO_EQ) | (m & PO_LT ? PO_GT : 0) | (m & PO_GT ? PO_LT : 0);
}

/* The comparison of two integer places in cond (negations stripped):
 * *truthy is whether the edge where cond is taken is the one where the
 * comparison holds. */
static const struct ir_expr *pair_cmp(const struct ir_expr *cond,
				      bool *truthy)
{
	*truthy = true;
	cond = cond_truth(cond, truthy);
	if (cond->kind != EX_CMP || !cond->a || !cond->b ||
	    cond->a->is_ptr || cond->b->is_ptr ||
	    cond->a->kind == EX_CONST || cond->b->kind == EX_CONST)
		return NULL;
	return cond;
}

/* A side that names a place: a variable or a member. */
static bool side_named(const struct ir_expr *e)
{
	return e->kind == EX_VAR || (e->kind == EX_MEMBER && e->field);
}

/*
 * Per block: 1 when its branch compares two named integer places for
 * equality, or orders two that another branch of the function compares
 * too.
 */
uint8_t *peers_prepare(const struct ir_func *fn)
{
	uint8_t *pair = xcalloc(fn->nblocks + 1, 1);
	uint64_t *shape = xcalloc(fn->nblocks + 1, sizeof(*shape));
	int i, j;
	bool t;

	/* an order's pair, unordered: the sum of the two sides' shapes */
	for (i = 0; i < fn->nblocks; i++) {
		const struct ir_block *b = &fn->blocks[i];
		const struct ir_expr *cmp;

		if (b->term != T_BRANCH || !b->cond ||
		    !(cmp = pair_cmp(b->cond, &t)) ||
		    !side_named(cmp->a) || !side_named(cmp->b))
			continue;
		if (cmp->op == CMP_EQ || cmp->op == CMP_NE)
			pair[i] = 1;
		else if (retest_place_shape(cmp->a) &&
			 retest_place_shape(cmp->b))
			shape[i] = retest_place_shape(cmp->a) +
				   retest_place_shape(cmp->b);
	}
	for (i = 0; i < fn->nblocks; i++)
		for (j = 0; shape[i] && j < fn->nblocks && !pair[i]; j++)
			pair[i] = j != i && shape[j] == shape[i];
	free(shape);
	return pair;
}

/* The canonical places of the two sides; false when either has none or
 * both hold known constants (evaluation decides those). */
static bool pair_paths(struct engine *en, struct state *st,
		       const struct ir_expr *cmp, int *pa, int *pb)
{
	struct value va, vb;

	*pa = expr_path(en, cmp->a);
	*pb = expr_path(en, cmp->b);
	if (*pa < 0 || *pb < 0)
		return false;
	*pa = canon_path(en, st, *pa);
	*pb = canon_path(en, st, *pb);
	if (*pa == *pb)
		return false;
	va = load_path(en, st, *pa);
	vb = load_path(en, st, *pb);
	return va.kind != V_CONST || vb.kind != V_CONST;
}

/* The outcomes of "pa vs pb" this path left, or 0 when it recorded
 * none for that pair. */
static int recorded(struct state *st, int pa, int pb)
{
	const struct slot_val *sa = slot_get(st, peer_slot, pa);
	const struct slot_val *sb = slot_get(st, peer_slot, pb);

	if (!sa || !sb || sa->a != pb || sb->a != pa ||
	    mirror((int)sa->b) != (int)sb->b)
		return 0;
	return (int)sa->b;
}

/* The way this path went at an earlier test of the same two places:
 * 1 taken, 0 not, -1 not recorded. */
int peers_recorded(struct engine *en, struct state *st, int block,
		   const struct ir_expr *cond)
{
	const struct ir_expr *cmp;
	bool truthy;
	int pa, pb, r, m;

	if (!en->peers || !en->peers[block] ||
	    !(cmp = pair_cmp(cond, &truthy)) ||
	    !pair_paths(en, st, cmp, &pa, &pb) ||
	    !(r = recorded(st, pa, pb)))
		return -1;
	m = op_outcomes(cmp->op);
	if (!(r & ~m))
		return truthy;		/* the comparison holds */
	if (!(r & m))
		return !truthy;		/* it does not */
	return -1;
}

void peers_record(struct engine *en, struct state *st, int block,
		  const struct ir_expr *cond, bool taken)
{
	const struct ir_expr *cmp;
	struct slot_val v;
	bool truthy;
	int pa, pb, m, r;

	if (!en->peers || !en->peers[block] ||
	    !(cmp = pair_cmp(cond, &truthy)) ||
	    !pair_paths(en, st, cmp, &pa, &pb))
		return;
	m = op_outcomes(cmp->op);
	if (taken != truthy)
		m = PO_ALL & ~m;
	r = recorded(st, pa, pb);
	if (r && (r & m))
		m &= r;			/* a <= b, then a != b: a < b */
	v.b = m;
	v.a = pb;
	slot_set(st, peer_slot, pa, &v);
	v.b = mirror(m);
	v.a = pa;
	slot_set(st, peer_slot, pb, &v);
}

/* What this path knows of the two places (canonical paths): 1 equal,
 * 0 not, -1 nothing. */
int peers_relation(struct engine *en, struct state *st, int pa, int pb)
{
	int r;

	if (pa < 0 || pb < 0)
		return -1;
	pa = canon_path(en, st, pa);
	pb = canon_path(en, st, pb);
	if (pa == pb || !(r = recorded(st, pa, pb)))
		return -1;
	return r == PO_EQ ? 1 : r & PO_EQ ? -1 : 0;
}

/*
 * A relation of two places of the caller's memory that this path tested
 * and did not write, as a guard of a dereference (core.c):
 * "$0->adapter->card->rx_cmd_ep==$0->ep", *value 1 when they are equal
 * on this path, 0 when not.  mwifiex_usb_submit_rx_urb() reaches the
 * skb it was given only when its urb is the command endpoint's; a caller
 * that freed the skb for any other endpoint does not reach it.  The
 * first such relation: any one is a condition the dereference needs.
 */
char *peers_guard(struct engine *en, struct state *st, int64_t *value)
{
	const struct slot_val *v;
	int32_t key;
	int pos = 0;

	while (slot_iter(st, peer_slot, &pos, &key, &v)) {
		char *a, *b, *g;
		int rel;

		if (key >= v->a ||
		    (rel = peers_relation(en, st, key, (int)v->a)) < 0)
			continue;
		a = store_subject(en, st, key);
		b = a ? store_subject(en, st, (int)v->a) : NULL;
		if (!a || !b || wrote_subject(en, a) || wrote_subject(en, b) ||
		    strstr(a, "==") || strstr(b, "==")) {
			free(a);
			free(b);
			continue;
		}
		g = xstrfmt("%s==%s", a, b);
		free(a);
		free(b);
		*value = rel;
		return g;
	}
	return NULL;
}
