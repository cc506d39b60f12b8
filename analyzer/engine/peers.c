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
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

static int peer_slot;

/* Joined past the budget: kept only where both paths agree (NULL). */
void peers_init(void)
{
	static const struct slot_def def = { "engine:peer", SLOT_PATH, NULL };

	peer_slot = engine_slot_register(&def);
}

/* The comparison of two integer places in cond (negations stripped):
 * *eq_truth is the truth of "a == b" on the edge where cond is taken. */
static const struct ir_expr *pair_cmp(const struct ir_expr *cond,
				      bool *eq_truth)
{
	bool truthy = true;

	cond = cond_truth(cond, &truthy);
	if (cond->kind != EX_CMP || (cond->op != CMP_EQ && cond->op != CMP_NE) ||
	    !cond->a || !cond->b || cond->a->is_ptr || cond->b->is_ptr ||
	    cond->a->kind == EX_CONST || cond->b->kind == EX_CONST)
		return NULL;
	*eq_truth = cond->op == CMP_EQ ? truthy : !truthy;
	return cond;
}

/* A side that names a place: a variable or a member. */
static bool side_named(const struct ir_expr *e)
{
	return e->kind == EX_VAR || (e->kind == EX_MEMBER && e->field);
}

/* Per block: 1 when its branch compares two named integer places. */
uint8_t *peers_prepare(const struct ir_func *fn)
{
	uint8_t *pair = xcalloc(fn->nblocks + 1, 1);
	int i;

	for (i = 0; i < fn->nblocks; i++) {
		const struct ir_block *b = &fn->blocks[i];
		const struct ir_expr *cmp;
		bool t;

		pair[i] = b->term == T_BRANCH && b->cond &&
			  (cmp = pair_cmp(b->cond, &t)) &&
			  side_named(cmp->a) && side_named(cmp->b);
	}
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

/* The way this path went at an earlier test of the same two places:
 * 1 taken, 0 not, -1 not recorded. */
int peers_recorded(struct engine *en, struct state *st, int block,
		   const struct ir_expr *cond)
{
	const struct slot_val *sa, *sb;
	const struct ir_expr *cmp;
	bool eq_truth;
	int pa, pb;

	if (!en->peers || !en->peers[block] ||
	    !(cmp = pair_cmp(cond, &eq_truth)) ||
	    !pair_paths(en, st, cmp, &pa, &pb))
		return -1;
	sa = slot_get(st, peer_slot, pa);
	sb = slot_get(st, peer_slot, pb);
	if (!sa || !sb || sa->a != pb || sb->a != pa || sa->b != sb->b)
		return -1;
	/* equal (b == 1): taken exactly where "a == b" is true there */
	return (sa->b == 1) == eq_truth;
}

void peers_record(struct engine *en, struct state *st, int block,
		  const struct ir_expr *cond, bool taken)
{
	const struct ir_expr *cmp;
	struct slot_val v;
	bool eq_truth;
	int pa, pb;

	if (!en->peers || !en->peers[block] ||
	    !(cmp = pair_cmp(cond, &eq_truth)) ||
	    !pair_paths(en, st, cmp, &pa, &pb))
		return;
	v.b = taken == eq_truth;	/* the two places are equal */
	v.a = pb;
	slot_set(st, peer_slot, pa, &v);
	v.a = pa;
	slot_set(st, peer_slot, pb, &v);
}

/* What this path knows of the two places (canonical paths): 1 equal,
 * 0 not, -1 nothing. */
int peers_relation(struct engine *en, struct state *st, int pa, int pb)
{
	const struct slot_val *sa, *sb;

	if (pa < 0 || pb < 0)
		return -1;
	pa = canon_path(en, st, pa);
	pb = canon_path(en, st, pb);
	sa = slot_get(st, peer_slot, pa);
	sb = slot_get(st, peer_slot, pb);
	if (pa == pb || !sa || !sb || sa->a != pb || sb->a != pa ||
	    sa->b != sb->b)
		return -1;
	return (int)sa->b;
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

		if (key >= v->a || peers_relation(en, st, key, (int)v->a) < 0)
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
		*value = v->b;
		return g;
	}
	return NULL;
}
