// SPDX-License-Identifier: GPL-2.0
/*
 * A predicate called again with the same arguments answers the same.
 *
 *   if (iwl_mvm_has_new_rx_api(mvm) && start)
 *           baid_data = kzalloc(...);
 *   ...
 *   if (start) {
 *           mvm->rx_ba_sessions++;
 *           if (!iwl_mvm_has_new_rx_api(mvm))
 *                   return 0;
 *           ... baid_data stored ...
 *
 * The engine keeps no value for a call's result, so each call alone is
 * open both ways, and the path that allocated and then found the
 * capability missing looks like a leak (iwlwifi mvm/sta.c
 * iwl_mvm_sta_rx_agg()).  A pure function here is one of the unit whose
 * body stores nothing outside its locals, reads no global, has no inline
 * assembly (a register read may change between two calls) and calls
 * only bit tests, __builtin_constant_p() and other pure functions.  When
 * such a function is called at two sites of the function or more, each
 * call with arguments the path knows (objects, constants) records its
 * result in a memo keyed by the callee and those arguments; what a later
 * branch learns of the result (non-zero, zero, a constant) goes into the
 * memo, and a later call with the same key gets it.
 *
 * The memo is dropped when the function, or a callee of the unit
 * through its summary, stores into a field whose name the predicate (or
 * a pure function it calls) reads: names, not record types, so that a
 * member of an embedded struct reached another way still counts
 * (`mvm->fw->ucode_capa._capa[0]` against fw_has_capa()'s
 * `capabilities->_capa`).  A store no field names (through `*p`) drops
 * every memo.  A function of another file is assumed not to change what
 * the predicate reads, as for a field this function tested (calls.c).
 * The memo only removes paths: at worst a finding is missed.
 *
 * A pointer function is memoised the same way, with the object its first
 * call returned, and an argument may also be a local variable whose
 * value the path does not know, by name: the memo goes when the
 * variable is assigned (hfi1_ipoib_txreq_init():
 * `hfi1_txreq_from_idx(tx_ring, j)->sdma_hdr = kzalloc_node(...);
 * if (!hfi1_txreq_from_idx(tx_ring, j)->sdma_hdr) goto free_txqs;`
 * tests the block it stored).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "apitable.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

static int memo_slot;	/* key -> a: check << 16 | dest var, b: value */
static int reads_slot;	/* key -> a: the callee's pure id (unit_fn_pure()) */
static int vars_slot;	/* key -> a, b: the variables (+1, 0 none) the key
			 * names by name */

#define NO_VAR 0xffff
/* A read no field names (*p, p[i] through a pointer) is WILD: any store
 * may change it. */
#define WILD 1u
#define MAX_PURE_DEPTH 3

void purecall_init(void)
{
	static const struct slot_def memo = { "engine:purecall", SLOT_GLOBAL,
					      NULL };
	static const struct slot_def reads = { "engine:purecall-reads",
					       SLOT_GLOBAL, NULL };

	static const struct slot_def vars = { "engine:purecall-vars",
					      SLOT_GLOBAL, NULL };

	memo_slot = engine_slot_register(&memo);
	reads_slot = engine_slot_register(&reads);
	vars_slot = engine_slot_register(&vars);
}

/* ---- which functions are pure ---- */

struct names {
	uint32_t *v;
	int n, a;
};

/* A field name's hash, never WILD (nor 0, which packs "no name"). */
static uint32_t name_hash(const char *s, size_t n)
{
	uint64_t h = hash_bytes(s, n, 0);
	uint32_t x = (uint32_t)(h ^ (h >> 32));

	return x > WILD ? x : WILD + 1;
}

static void name_add(struct names *nm, uint32_t h)
{
	int i;

	for (i = 0; i < nm->n; i++)
		if (nm->v[i] == h)
			return;
	if (nm->n == nm->a) {
		nm->a = nm->a ? 2 * nm->a : 8;
		nm->v = xrealloc(nm->v, nm->a * sizeof(*nm->v));
	}
	nm->v[nm->n++] = h;
}

static void expr_names(const struct ir_expr *e, struct names *nm)
{
	if (!e)
		return;
	if (e->kind == EX_MEMBER && e->field)
		name_add(nm, name_hash(e->field, strlen(e->field)));
	if ((e->kind == EX_DEREF && !(e->a && e->a->kind == EX_ADDR)) ||
	    (e->kind == EX_INDEX && e->base_is_ptr && e->a &&
	     e->a->kind != EX_MEMBER))
		name_add(nm, WILD);
	expr_names(e->a, nm);
	expr_names(e->b, nm);
}

static bool expr_pure(const struct ir_func *fn, const struct ir_expr *e)
{
	if (!e)
		return true;
	if (e->kind == EX_VAR && e->var >= 0 && e->var < fn->nvars &&
	    fn->vars[e->var].kind == VAR_GLOBAL)
		return false;
	if (e->kind == EX_UNKNOWN)
		return false;
	return expr_pure(fn, e->a) && expr_pure(fn, e->b);
}

static bool local_dest(const struct ir_func *fn, const struct ir_expr *e)
{
	return !e || (e->kind == EX_VAR && e->var >= 0 && e->var < fn->nvars &&
		      fn->vars[e->var].kind != VAR_GLOBAL);
}

static bool call_pure(struct unit *u, const struct ir_func *fn,
		      const struct ir_call *c, int depth, struct names *nm)
{
	const struct api_entry *api;
	const uint32_t *r;
	int i, id, n;

	if (!c->callee || !local_dest(fn, c->dest))
		return false;
	for (i = 0; i < c->nargs; i++)
		if (!expr_pure(fn, c->args[i]))
			return false;
	/* its operand is never evaluated */
	if (!strcmp(c->callee, "__builtin_constant_p"))
		return true;
	for (i = 0; i < c->nargs; i++)
		expr_names(c->args[i], nm);
	if (!strcmp(c->callee, "__builtin_expect"))
		return true;
	api = api_lookup(c->callee);
	if (api && (api->roles & ROLE_BITOP))
		return api->bit_op == BITOP_TEST;
	if (api && api->roles)
		return false;
	if (depth >= MAX_PURE_DEPTH)
		return false;
	id = unit_fn_pure(u, c->callee, depth + 1);
	if (id < 0)
		return false;
	r = unit_pure_reads(u, id, &n);
	for (i = 0; i < n; i++)
		name_add(nm, r[i]);
	return true;
}

/* fn's body: see the comment at the top.  *reads gets the hashes of
 * the field names it reads. */
bool ir_fn_pure(struct unit *u, const struct ir_func *fn, int depth,
		uint32_t **reads, int *nreads)
{
	struct names nm = { NULL, 0, 0 };
	int i, j;

	if (fn->too_complex)
		return false;
	for (i = 0; i < fn->nblocks; i++) {
		const struct ir_block *b = &fn->blocks[i];

		for (j = 0; j < b->ninsns; j++) {
			const struct ir_insn *in = &b->insns[j];
			bool ok;

			switch (in->kind) {
			case I_ASSIGN:
				ok = local_dest(fn, in->lhs) &&
				     expr_pure(fn, in->rhs);
				expr_names(in->rhs, &nm);
				break;
			case I_USE:
				ok = expr_pure(fn, in->rhs);
				expr_names(in->rhs, &nm);
				break;
			case I_CALL:
				ok = call_pure(u, fn, in->call, depth, &nm);
				break;
			default:
				ok = false;
				break;
			}
			if (!ok)
				goto impure;
		}
		if (!expr_pure(fn, b->cond) || !expr_pure(fn, b->ret))
			goto impure;
		expr_names(b->cond, &nm);
		expr_names(b->ret, &nm);
	}
	*reads = nm.v;
	*nreads = nm.n;
	return true;
impure:
	free(nm.v);
	return false;
}

/* ---- per function ---- */

static int by_callee(const void *x, const void *y)
{
	const struct ir_call *a = *(const struct ir_call *const *)x;
	const struct ir_call *b = *(const struct ir_call *const *)y;

	return strcmp(a->callee, b->callee);
}

/* Call sites whose callee is called at two sites or more (1), else 0. */
uint8_t *purecall_prepare(const struct ir_func *fn)
{
	const struct ir_call **calls;
	uint8_t *rep = NULL;
	int i, j, n = 0;

	if (fn->ncallsites <= 1)
		return NULL;
	calls = xcalloc(fn->ncallsites, sizeof(*calls));
	for (i = 0; i < fn->nblocks; i++)
		for (j = 0; j < fn->blocks[i].ninsns; j++) {
			const struct ir_insn *in = &fn->blocks[i].insns[j];

			if (in->kind == I_CALL && in->call->callee &&
			    in->call->dest && in->call->site >= 0 &&
			    in->call->site < fn->ncallsites && n < fn->ncallsites)
				calls[n++] = in->call;
		}
	qsort(calls, n, sizeof(*calls), by_callee);
	for (i = 1; i < n; i++) {
		if (strcmp(calls[i - 1]->callee, calls[i]->callee))
			continue;
		if (!rep)
			rep = xcalloc(fn->ncallsites, 1);
		rep[calls[i - 1]->site] = rep[calls[i]->site] = 1;
	}
	free(calls);
	return rep;
}

/* ---- values ---- */

static int64_t pack(struct value v)
{
	switch (v.kind) {
	case V_CONST:
	case V_NE:
		if (v.c != (int32_t)v.c)
			break;
		return (int64_t)v.kind | (int64_t)((uint64_t)(int64_t)v.c << 8);
	case V_NONNULL:
	case V_NEG:
	case V_POS:
		return v.kind;
	case V_OBJ:
		return (int64_t)v.kind | (int64_t)((uint64_t)(int64_t)v.obj << 8);
	default:
		break;
	}
	return V_UNK;
}

static struct value unpack(int64_t b)
{
	struct value v = mkv((int)(b & 0xff));

	if (v.kind == V_OBJ)
		v.obj = (int32_t)(b >> 8);
	else
		v.c = b >> 8;
	return v;
}

/* A local the call names whose value the path does not know: keyed by
 * the variable (its memo goes when it is assigned), or -1. */
static int named_var(struct engine *en, const struct ir_expr *e)
{
	if (!e || e->kind != EX_VAR || e->var < 0 || e->var >= en->fn->nvars ||
	    e->var >= NO_VAR || en->fn->vars[e->var].kind == VAR_GLOBAL ||
	    (en->stored_addr && liveness_in_set(en->stored_addr, e->var)))
		return -1;
	return e->var;
}

/* The memo key of this call on this path; false when an argument is
 * not an object or a constant. */
static bool call_key(struct engine *en, struct state *st,
		     const struct ir_call *call, int32_t *key, int64_t *check,
		     int vars[2])
{
	uint64_t w[2 + 2 * MAX_PARAMS], h;
	int i, n = 0, nv = 0, var;

	vars[0] = vars[1] = -1;
	if (call->nargs > MAX_PARAMS)
		return false;
	w[n++] = hash_str(call->callee);
	w[n++] = (uint64_t)call->nargs;
	for (i = 0; i < call->nargs; i++) {
		struct value v = eval(en, st, call->args[i]);

		if (v.kind != V_OBJ && v.kind != V_CONST) {
			/* by name: at most two such arguments */
			var = named_var(en, call->args[i]);
			if (var < 0 || nv == 2)
				return false;
			vars[nv++] = var;
			w[n++] = 0xff;
			w[n++] = (uint64_t)var;
			continue;
		}
		w[n++] = v.kind;
		w[n++] = v.kind == V_OBJ ? (uint64_t)(uint32_t)v.obj :
					   (uint64_t)v.c;
	}
	h = hash_bytes(w, n * sizeof(*w), 0);
	*key = (int32_t)(h ^ (h >> 32));
	/* a second hash, 40 bits: check << 16 stays positive */
	*check = (int64_t)(hash_bytes(w, n * sizeof(*w), 0x9e3779b97f4a7c15ULL)
			   >> 24);
	return true;
}

static int var_path(struct engine *en, const struct ir_expr *e)
{
	if (!e || e->kind != EX_VAR || e->var < 0 || e->var >= en->fn->nvars ||
	    e->var >= NO_VAR || en->fn->vars[e->var].kind == VAR_GLOBAL)
		return -1;
	return path_root_var(en, e->var);
}

/* The field names the call's arguments name (&f->cfg: "cfg"), two
 * hashes packed, WILD for more: the predicate reads inside them. */
static int64_t arg_names(const struct ir_call *call)
{
	struct names nm = { NULL, 0, 0 };
	uint64_t b;
	int i;

	for (i = 0; i < call->nargs; i++)
		expr_names(call->args[i], &nm);
	if (nm.n > 2)
		b = ((uint64_t)WILD << 32) | WILD;
	else
		b = ((uint64_t)(nm.n > 0 ? nm.v[0] : 0) << 32) |
		    (nm.n > 1 ? nm.v[1] : 0);
	free(nm.v);
	return (int64_t)b;
}

/* After a call: a repeated pure call gets what the path learnt of the
 * first one; the first records its result. */
void purecall_after(struct engine *en, struct state *st,
		    const struct ir_call *call)
{
	const struct slot_val *m;
	struct slot_val nv, rd;
	struct value cur;
	int32_t key;
	int64_t check;
	int path, id, vars[2];

	if (!en->purecall || !call->callee || call->site < 0 ||
	    call->site >= en->fn->ncallsites || !en->purecall[call->site])
		return;
	path = var_path(en, call->dest);
	if (path < 0 || !strcmp(call->callee, en->fn->name) ||
	    api_lookup(call->callee))
		return;	/* the rules table's functions are modelled there */
	id = unit_fn_pure(en->unit, call->callee, 0);
	if (id < 0 || !call_key(en, st, call, &key, &check, vars))
		return;
	m = slot_get(st, memo_slot, key);
	if (m && (m->a >> 16) == check) {
		struct value known = unpack(m->b);

		if (known.kind != V_UNK)
			state_set(st, path, &known);
		nv.a = (check << 16) | call->dest->var;
		nv.b = m->b;
		slot_set(st, memo_slot, key, &nv);
		return;
	}
	rd.a = id;
	rd.b = arg_names(call);
	cur = load_path(en, st, path);
	nv.a = (check << 16) | call->dest->var;
	nv.b = pack(cur);
	slot_set(st, memo_slot, key, &nv);
	slot_set(st, reads_slot, key, &rd);
	if (vars[0] >= 0) {
		struct slot_val vv = { vars[0] + 1, vars[1] + 1 };

		slot_set(st, vars_slot, key, &vv);
	}
}

/* A branch on cond refined the variable it tests: its memo learns it. */
void purecall_branch(struct engine *en, struct state *st,
		     const struct ir_expr *cond)
{
	bool truthy = true;
	int32_t key;
	const struct slot_val *v;
	struct slot_val nv;
	int pos = 0, path, var;

	if (!en->purecall)
		return;
	cond = cond_truth(cond, &truthy);
	if (cond->kind == EX_CMP && cond->b && cond->b->kind == EX_CONST)
		cond = cond->a;
	path = var_path(en, cond);
	if (path < 0)
		return;
	var = cond->var;
	while (slot_iter(st, memo_slot, &pos, &key, &v)) {
		if ((v->a & NO_VAR) != var)
			continue;
		nv.a = v->a;
		nv.b = pack(load_path(en, st, path));
		slot_set(st, memo_slot, key, &nv);
		return;
	}
}

/* var was assigned: it no longer holds a memo's result. */
/* A memo gone, with what it read and the variables it names. */
static void memo_drop(struct state *st, int32_t key)
{
	slot_clear(st, memo_slot, key);
	slot_clear(st, reads_slot, key);
	slot_clear(st, vars_slot, key);
}

void purecall_forget_var(struct engine *en, struct state *st, int var)
{
	int32_t key, gone[64];
	const struct slot_val *v;
	struct slot_val nv;
	int pos = 0, n, i;

	if (!en->purecall)
		return;
	while (slot_iter(st, memo_slot, &pos, &key, &v))
		if ((v->a & NO_VAR) == var) {
			nv.a = (v->a & ~(int64_t)NO_VAR) | NO_VAR;
			nv.b = v->b;
			slot_set(st, memo_slot, key, &nv);
			break;
		}
	/* the memos of calls that named var as an argument */
	do {
		pos = 0;
		n = 0;
		while (n < 64 && slot_iter(st, vars_slot, &pos, &key, &v))
			if (v->a == var + 1 || v->b == var + 1)
				gone[n++] = key;
		for (i = 0; i < n; i++)
			memo_drop(st, gone[i]);
	} while (n == 64);
}

/* A store at a place of field key fk ("struct foo::a.b[]"), or NULL for
 * a place no field names: the memos of the predicates that read one of
 * its field names go (all of them for NULL). */
static bool key_touches(const char *fk, const uint32_t *r, int n)
{
	const char *s = strstr(fk, "::");
	int i;

	for (i = 0; i < n; i++)
		if (r[i] == WILD)
			return true;
	if (!s)
		return fk[0] != '@';	/* a global: pure functions read none */
	for (s += 2; *s;) {
		size_t len = strcspn(s, ".[]->");

		if (len) {
			uint32_t h = name_hash(s, len);

			for (i = 0; i < n; i++)
				if (r[i] == h)
					return true;
		}
		s += len ? len : 1;
	}
	return false;
}

void purecall_store(struct engine *en, struct state *st, const char *fk)
{
	int32_t keys[64], key;
	const struct slot_val *v;
	const uint32_t *r;
	uint32_t args[2];
	int pos, n, i, nr;

	if (!en->purecall)
		return;
	do {
		pos = 0;
		n = 0;
		while (n < 64 && slot_iter(st, reads_slot, &pos, &key, &v)) {
			r = unit_pure_reads(en->unit, (int)v->a, &nr);
			args[0] = (uint32_t)((uint64_t)v->b >> 32);
			args[1] = (uint32_t)v->b;
			if (!fk || key_touches(fk, r, nr) ||
			    key_touches(fk, args, 2))
				keys[n++] = key;
		}
		for (i = 0; i < n; i++)
			memo_drop(st, keys[i]);
	} while (n == 64);
}
