// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic: what a path tested of the function's parameters, kept
 * with a may-sleep fact so that a caller whose argument contradicts it
 * (kaweth_async_set_rx_mode(kaweth, false) when the sleep is behind
 * 'if (!may_sleep) return;') does not sleep there.  The engine forgets a
 * dead parameter's value; this checker keeps the test in its own slot.
 * And the other way: a callee's condition on its argument (or gfp mask)
 * moved onto a parameter of the caller.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sleep_in_atomic.h"
#include "../util/strvec.h"

static int param_slot;		/* key N * COND_PER_PARAM + j: the j-th test
				 * of parameter N on this path: op a (the
				 * ops of sleep_in_atomic.h: '=' is b, '!'
				 * is not, 's' some bit of b set, 'c' all
				 * clear, 'g' > b...) with the constant b */
static int field_slot;		/* key F * COND_PER_PARAM + j: the same, of
				 * the field place F of fplaces ($1->flags:
				 * il_send_cmd() tests cmd->flags & CMD_ASYNC) */
static int bittest_slot;	/* key: the variable that holds the result
				 * of test_bit(nr, &place) of a parameter or
				 * a field place: a = 1 + place (fplaces id
				 * for a field, -1 - N for parameter N),
				 * b = BIT(nr) */
static struct strvec fplaces;	/* "N\t->accessor", process-wide ids */
#define MAX_FPLACES	(1 << 20)

#define COND_PER_PARAM	4	/* (flags & A) && !(flags & B): two */

void sleep_cond_init(void)
{
	static const struct slot_def param = { "sleep-in-atomic:param",
					       SLOT_GLOBAL, NULL };

	static const struct slot_def field = { "sleep-in-atomic:field",
					       SLOT_GLOBAL, NULL };

	static const struct slot_def bittest = { "sleep-in-atomic:bittest",
						 SLOT_GLOBAL, NULL };

	param_slot = engine_slot_register(&param);
	field_slot = engine_slot_register(&field);
	bittest_slot = engine_slot_register(&bittest);
}

/* The id of field place (parameter p, accessor acc), or -1. */
static int fplace_id(int p, const char *acc)
{
	char buf[300];
	size_t i;

	snprintf(buf, sizeof(buf), "%d\t%s", p, acc);
	for (i = 0; i < fplaces.n; i++)
		if (!strcmp(fplaces.v[i], buf))
			return (int)i;
	if (fplaces.n >= MAX_FPLACES || strvec_push(&fplaces, buf))
		return -1;
	return (int)fplaces.n - 1;
}

/*
 * A 'Q' frame is no level: it says the sleep happens only where parameter
 * mask of the function that recorded it is (loc.line '=') or is not
 * ('!') the constant in callee.  A caller whose argument contradicts it
 * (kaweth_async_set_rx_mode(kaweth, false) when the sleep needs
 * may_sleep) does not sleep there.
 */
void sleep_add_cond(struct engine *en, struct sleep_frame *f, int param,
		     int op, int64_t k)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long)k);
	memset(f, 0, sizeof(*f));
	f->tag = 'Q';
	f->mask = (uint64_t)param;
	f->loc.line = (unsigned)op;
	f->fn = "";
	f->callee = engine_intern(en, buf);
	f->file = "";
}

/*
 * Do two conditions of the chain f[0..n) exclude each other: some bit of
 * K1 set and every bit of K2 clear, K1 within K2, of one parameter (or
 * field of it)?  __xas_nomem() allocates with the xarray's lock held only
 * where the gfp cannot block, and memcg's charge under it sleeps only
 * where it can: that chain holds on no path.
 */
bool sleep_conds_contradict(const struct sleep_frame *f, int n)
{
	int i, j;

	for (i = 0; i < n; i++) {
		uint64_t k1;

		if (f[i].tag != 'Q' || f[i].loc.line != 's')
			continue;
		k1 = (uint64_t)strtoll(f[i].callee, NULL, 10);
		for (j = 0; j < n; j++) {
			uint64_t k2;

			if (f[j].tag != 'Q' || f[j].loc.line != 'c' ||
			    f[j].mask != f[i].mask ||
			    strcmp(f[j].fn ? f[j].fn : "",
				   f[i].fn ? f[i].fn : ""))
				continue;
			k2 = (uint64_t)strtoll(f[j].callee, NULL, 10);
			if (k1 && !(k1 & ~k2))
				return true;
		}
	}
	return false;
}

bool sleep_cond_holds(const struct value *v, int op, int64_t k)
{
	/* 's': some bit of k set in the parameter, 'c': all of them clear
	 * (might_sleep_if(!(rpmflags & RPM_ASYNC)) in __pm_runtime_idle()) */
	if (op == 's' || op == 'c') {
		bool set;

		if (v->kind == V_CONST)
			set = (v->c & k) != 0;
		else if (v->kind == V_BITS && ((uint64_t)v->c & (uint64_t)k))
			set = true;
		else
			return true;
		return op == 's' ? set : !set;
	}
	if (op == 'g' || op == 'l' || op == 'G' || op == 'L') {
		/* an order: > k, < k, >= k, <= k (if (wait_ms > 0)) */
		switch (v->kind) {
		case V_CONST:
			return op == 'g' ? v->c > k : op == 'l' ? v->c < k :
			       op == 'G' ? v->c >= k : v->c <= k;
		case V_NEG:	/* some value below 0 */
			return !((op == 'g' && k >= -1) || (op == 'G' && k >= 0));
		case V_POS:	/* some value above 0 */
			return !((op == 'l' && k <= 1) || (op == 'L' && k <= 0));
		default:
			return true;
		}
	}
	switch (v->kind) {
	case V_CONST:
		return op == '=' ? v->c == k : v->c != k;
	case V_NE:
		return !(op == '=' && v->c == k);
	case V_NONNULL:
	case V_ERRPTR:
		return !(op == '=' && k == 0);
	case V_NEG:
		return !(op == '=' && k >= 0);
	case V_POS:
		return !(op == '=' && k <= 0);
	case V_NESET:
		return !(op == '=' && k >= 0 && k < 64 && ((v->c >> k) & 1));
	default:
		return true;
	}
}

/* This path's knowledge of the function's parameters, as 'Q' frames:
 * what its branches tested of an integer or a pointer parameter (the
 * engine forgets a dead parameter's value, the checker keeps the test). */
struct field_cond {
	int32_t key;
	const struct slot_val *v;
};

static int cmp_field_cond(const void *pa, const void *pb)
{
	const struct field_cond *a = pa, *b = pb;
	int r = strcmp(fplaces.v[a->key / COND_PER_PARAM],
		       fplaces.v[b->key / COND_PER_PARAM]);

	return r ? r : (a->key % COND_PER_PARAM) - (b->key % COND_PER_PARAM);
}

int sleep_path_conds(struct engine *en, struct state *st,
		      struct sleep_frame *f, int room)
{
	struct field_cond *fc = NULL;
	const struct slot_val *v;
	int32_t key;
	int pos = 0, n = 0, nf = 0, af = 0, i;

	while (n < room && slot_iter(st, param_slot, &pos, &key, &v))
		sleep_add_cond(en, &f[n++], key / COND_PER_PARAM, (int)v->a,
			       v->b);
	pos = 0;
	while (slot_iter(st, field_slot, &pos, &key, &v)) {
		if (nf == af) {
			af = af ? 2 * af : 16;
			fc = xrealloc(fc, (size_t)af * sizeof(*fc));
		}
		fc[nf].key = key;
		fc[nf++].v = v;
	}
	/* by the place's text, not its id: ids number the places in the
	 * order the process met them, which an analysis that takes an
	 * exploration from its memo (engine/reuse.c) does not repeat */
	if (nf > 1)
		qsort(fc, (size_t)nf, sizeof(*fc), cmp_field_cond);
	for (i = 0; i < nf && n < room; i++) {
		const char *fp = fplaces.v[fc[i].key / COND_PER_PARAM];

		sleep_add_cond(en, &f[n], atoi(fp), (int)fc[i].v->a,
			       fc[i].v->b);
		f[n++].fn = engine_intern(en, strchr(fp, '\t') + 1);
	}
	free(fc);
	return n;
}

/*
 * Keep test v of parameter p with the others of this path: an equality
 * says it all, so it replaces them and nothing is added to it; a test
 * already there is not added twice; past COND_PER_PARAM tests the
 * first ones are kept (fewer conditions: the sleep is only taken as
 * more likely).
 */
static void add_param_test(struct state *st, int slot, int p,
			   const struct slot_val *v)
{
	const struct slot_val *o;
	int j, free_j = -1;

	for (j = 0; j < COND_PER_PARAM; j++) {
		o = slot_get(st, slot, p * COND_PER_PARAM + j);
		if (!o) {
			if (free_j < 0)
				free_j = j;
			continue;
		}
		if (o->a == '=' || (o->a == v->a && o->b == v->b))
			return;
	}
	if (v->a == '=') {
		for (j = 0; j < COND_PER_PARAM; j++)
			slot_clear(st, slot, p * COND_PER_PARAM + j);
		free_j = 0;
	}
	if (free_j >= 0)
		slot_set(st, slot, p * COND_PER_PARAM + free_j, v);
}

/* The condition op of `x OP K` (`K OP x` when swapped). */
int sleep_cmp_op(int cmp, bool swapped)
{
	switch (cmp) {
	case CMP_EQ: return '=';
	case CMP_NE: return '!';
	case CMP_GT: return swapped ? 'l' : 'g';
	case CMP_LT: return swapped ? 'g' : 'l';
	case CMP_GE: return swapped ? 'L' : 'G';
	default: return swapped ? 'G' : 'L';	/* CMP_LE */
	}
}

/* The condition that holds where op does not: == and !=, > and <=... */
int sleep_cond_negate(int op)
{
	switch (op) {
	case '=': return '!';
	case '!': return '=';
	case 's': return 'c';
	case 'c': return 's';
	case 'g': return 'L';
	case 'L': return 'g';
	case 'l': return 'G';
	default: return 'l';	/* 'G' */
	}
}

/* if (may_sleep), if (!flag), if (action == K): remember it, for the
 * conditions of a sleep further down this path */
/*
 * The place a test reads, as a slot key base: parameter N (param_slot),
 * or a field of what a parameter points to (cmd->flags: field_slot, an
 * fplaces id); -1 when it is neither.
 */
static int tested_place(struct engine *en, struct state *st,
			const struct ir_expr *e, int *slot)
{
	char acc[256];
	int p = engine_param_index(en, e);

	*slot = param_slot;
	if (p >= 0)
		return p < MAX_COND_PARAMS ? p : -1;
	p = engine_param_field(en, st, e, acc, sizeof(acc));
	if (p < 0 || p >= MAX_COND_PARAMS)
		return -1;
	*slot = field_slot;
	return fplace_id(p, acc);
}

/*
 * test_bit(FOO_RESET, &fp->flags) into a temporary: a test of bit
 * FOO_RESET of $0->flags, as `fp->flags & BIT(FOO_RESET)` is, once a
 * branch reads the temporary (esas2r_check_adapter() skips its wait for
 * the firmware where its tasklet caller's loop knows the bit set).
 */
void sleep_cond_call(struct engine *en, struct state *st,
		     const struct call_info *c)
{
	const struct ir_expr *d = c->call->dest, *word;
	struct slot_val v;
	uint32_t mask;
	int p, slot;

	if (!d || d->kind != EX_VAR ||
	    !(word = engine_bit_test(en, c, &mask)))
		return;
	p = tested_place(en, st, word, &slot);
	if (p < 0)
		return;
	v.a = slot == field_slot ? 1 + p : -1 - p;
	v.b = mask;
	slot_set(st, bittest_slot, d->var, &v);
}

void sleep_cond_add(struct state *st, int p, int op, int64_t k)
{
	struct slot_val v = { op, k };

	add_param_test(st, param_slot, p, &v);
}

void sleep_cond_branch(struct engine *en, struct state *st,
		      const struct branch_info *b)
{
	bool truthy = b->taken;
	const struct ir_expr *e = cond_truth(b->cond, &truthy);
	const struct slot_val *bt;
	struct slot_val v;
	uint64_t k;
	int p, slot;

	if (sleep_count_test(st, e, &k)) {
		/* in_interrupt(): a condition on the caller's context,
		 * unless this path's own locks decide it (sleep_refutes()
		 * dropped the other edge) */
		struct atomic_ctx c;

		sleep_get_ctx(st, &c);
		if (!sleep_count_set(&c, k))
			sleep_cond_add(st, SLEEP_COND_COUNT, truthy ? 's' : 'c',
				       (int64_t)k);
		return;
	}
	if (e->kind == EX_CMP && e->a && e->b &&
	    (e->b->kind == EX_CONST || e->a->kind == EX_CONST)) {
		/* x == K, x != K, x > K, K < x...: an order or an equality */
		bool swap = e->b->kind != EX_CONST;
		int op = sleep_cmp_op(e->op, swap);

		p = tested_place(en, st, swap ? e->b : e->a, &slot);
		v.a = truthy ? op : sleep_cond_negate(op);
		v.b = (swap ? e->a : e->b)->ival;
	} else if (e && e->kind == EX_ARITH && e->op == AR_AND && e->b &&
		   e->b->kind == EX_CONST && e->b->ival) {
		/* if (flags & K), if (cmd->flags & CMD_ASYNC): some bit of K
		 * set, or all of them clear */
		p = tested_place(en, st, e->a, &slot);
		v.a = truthy ? 's' : 'c';
		v.b = e->b->ival;
	} else if (e->kind == EX_VAR &&
		   (bt = slot_get(st, bittest_slot, e->var))) {
		/* the result of test_bit() of a parameter's field */
		slot = bt->a > 0 ? field_slot : param_slot;
		p = bt->a > 0 ? (int)bt->a - 1 : (int)(-1 - bt->a);
		v.a = truthy ? 's' : 'c';
		v.b = bt->b;
	} else {
		p = tested_place(en, st, e, &slot);
		v.a = truthy ? '!' : '=';
		v.b = 0;
	}
	if (p >= 0)
		add_param_test(st, slot, p, &v);
}

/* What this path tested of parameter p, as a value. */
struct value sleep_param_known(const struct state *st, int p)
{
	const struct slot_val *v;
	struct value r;
	int j;

	memset(&r, 0, sizeof(r));
	r.kind = V_UNK;
	for (j = 0; j < COND_PER_PARAM; j++) {
		v = slot_get(st, param_slot, p * COND_PER_PARAM + j);
		if (v && (v->a == '=' || v->a == '!')) {
			r.kind = v->a == '=' ? V_CONST : V_NE;
			r.c = v->b;
			break;
		}
	}
	return r;
}

/* The lock depth and a hash of the conditions, so that a may fact with
 * other conditions is another fact. */
int64_t sleep_pack_value(int depth, const struct sleep_frame *f, int n)
{
	uint64_t h = 0;
	int i;

	for (i = 0; i < n; i++)
		if (f[i].tag == 'Q') {
			const char *c;

			h = h * 1000003 + f[i].mask * 31 + f[i].loc.line +
			    (uint64_t)strtoll(f[i].callee, NULL, 10) * 7;
			for (c = f[i].fn; c && *c; c++)
				h = h * 131 + (unsigned char)*c;
		}
	return (int64_t)(uint8_t)(int8_t)depth | (int64_t)((h & 0xffffff) << 8);
}

int sleep_unpack_depth(int64_t value)
{
	return (int8_t)(value & 0xff);
}

/* ---- a callee's conditions seen from the caller ---- */

/*
 * The gfp mask e (value v) in the function being explored: 1 a constant
 * (*mask), 2 the function's parameter *param (possibly with the constant
 * bits *mask or-ed in), 0 unknown.
 */
int sleep_gfp_of(struct engine *en, const struct ir_expr *e,
		 const struct value *v, uint64_t *mask, int *param)
{
	*mask = 0;
	if (v && v->kind == V_CONST) {
		*mask = (uint64_t)v->c;
		return 1;
	}
	if ((*param = engine_param_index(en, e)) >= 0)
		return 2;
	if (e && e->kind == EX_ARITH && e->op == AR_OR && e->b) {
		const struct ir_expr *p = e->a, *k = e->b;

		if (p->kind == EX_CONST) {
			p = e->b;
			k = e->a;
		}
		if (k->kind == EX_CONST &&
		    (*param = engine_param_index(en, p)) >= 0) {
			*mask = (uint64_t)k->ival;
			return 2;
		}
	}
	return 0;
}

/*
 * The parameter of this function that a callee's condition (*op, *k) on
 * its argument a is about, with the condition moved onto it: the
 * argument itself; for a bit condition ('s' some bit of k set, 'c' all
 * clear), `param | K` with K none of those bits (rpm_idle() passes
 * rpmflags | RPM_AUTO to rpm_suspend(), which sleeps only when rpmflags
 * has neither RPM_ASYNC nor RPM_NOWAIT); for a truth condition (== 0,
 * != 0), `!param` and `param OP K` (r8188eu's issue_qos_nulldata()
 * passes wait_ms > 0 as the wait_ack whose truth makes the callee wait).
 * Else -1: the condition is dropped and the sleep kept.
 */
int sleep_cond_param(struct engine *en, const struct ir_expr *a, int *op,
		     int64_t *k)
{
	int p = engine_param_index(en, a);

	if (p >= 0 || !a)
		return p;
	if ((*op == '=' || *op == '!') && *k == 0) {
		bool truthy = *op == '!';

		a = cond_truth(a, &truthy);
		p = engine_param_index(en, a);
		if (p >= 0) {
			*op = truthy ? '!' : '=';
			return p;
		}
		if (a->kind == EX_CMP && a->a && a->b &&
		    (a->a->kind == EX_CONST || a->b->kind == EX_CONST)) {
			bool swap = a->b->kind != EX_CONST;
			int cop = sleep_cmp_op(a->op, swap);

			p = engine_param_index(en, swap ? a->b : a->a);
			if (p < 0)
				return -1;
			*op = truthy ? cop : sleep_cond_negate(cop);
			*k = (swap ? a->a : a->b)->ival;
			return p;
		}
		return -1;
	}
	if (*op != 's' && *op != 'c')
		return -1;
	/* flags | __GFP_NOMEMALLOC | __GFP_NOWARN (kmalloc_reserve()), or
	 * flags & ~__GFP_ZERO: the bits of k are the parameter's */
	while (a && a->kind == EX_ARITH && a->b && a->b->kind == EX_CONST &&
	       ((a->op == AR_OR && !(a->b->ival & *k)) ||
		(a->op == AR_AND && (a->b->ival & *k) == *k))) {
		a = a->a;
		p = engine_param_index(en, a);
		if (p >= 0)
			return p;
	}
	return -1;
}

/*
 * What argument arg is, for a condition of the callee on it: the value,
 * except that an address (&x, &p->member) is not NULL, whatever the
 * engine knows of p (kfree_rcu(p, rcu) passes &p->rcu to
 * kvfree_call_rcu(), which waits only for a NULL head).
 */
struct value sleep_cond_arg(const struct call_info *c, int arg)
{
	const struct ir_expr *e = c->call->args[arg];
	struct value v = c->args[arg];

	if (e && e->kind == EX_ADDR && v.kind != V_CONST) {
		memset(&v, 0, sizeof(v));
		v.kind = V_NONNULL;
	}
	return v;
}
