// SPDX-License-Identifier: GPL-2.0
/*
 * The callers' side of a path: does some call of this function reach it?
 *
 * A static function of the file is called only from the file.  When every
 * call passes constants (or addresses) that contradict what the path
 * learnt of a parameter, no caller takes the path:
 *
 *	static void *alloc_ring(..., size_t sw_size, ..., void *metadata, ...)
 *	{
 *		...
 *		if (sw_size)
 *			s = kcalloc_node(sw_size, ...);
 *		if (metadata)
 *			*(void **)metadata = s;
 *
 * loses s only where sw_size != 0 and metadata == NULL, and every call
 * passes either (0, NULL) or (sizeof(...), &q->sdesc)
 * (drivers/net/ethernet/chelsio/cxgb4/sge.c).  A function whose address
 * is taken (an ops table, a callback) or that is not static may have
 * callers the file does not show: every path is reachable.
 *
 * Arguments are read as written: a constant (NULL, 0, sizeof) or an
 * address (&x, a string, a function) is known, anything else may be
 * anything.  A parameter counts only while the function has not
 * assigned it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

#define MAX_SITES 64

/* One call's argument: known zero, known non-zero, a known constant, or
 * unknown. */
struct arg_fact {
	bool known;
	bool nonzero;
	bool is_const;
	int64_t c;
};

static struct arg_fact arg_of(const struct ir_expr *e)
{
	struct arg_fact a = { 0 };

	if (!e)
		return a;
	switch (e->kind) {
	case EX_CONST:
		a.known = a.is_const = true;
		a.c = e->ival;
		a.nonzero = e->ival != 0;
		break;
	case EX_ADDR:
	case EX_STR:
	case EX_FUNC:
		a.known = a.nonzero = true;
		break;
	default:
		break;
	}
	return a;
}

static bool names_fn(const struct ir_expr *e, const char *name)
{
	if (!e)
		return false;
	if (e->kind == EX_FUNC && e->field && !strcmp(e->field, name))
		return true;
	return names_fn(e->a, name) || names_fn(e->b, name);
}

/* The direct calls of name in the main file, in calls[]; false when
 * its address is taken (*taken set, when given), or there are too many
 * to look at. */
static bool call_sites_taken(struct engine *en, const char *name,
			     const struct ir_call **calls, int *ncalls,
			     bool *taken);

static bool call_sites(struct engine *en, const char *name,
		       const struct ir_call **calls, int *ncalls)
{
	return call_sites_taken(en, name, calls, ncalls, NULL);
}

static bool call_sites_taken(struct engine *en, const char *name,
			     const struct ir_call **calls, int *ncalls,
			     bool *taken)
{
	const struct ir_program *prog = en->unit->prog;
	const struct ir_fn_init *inits;
	int f, b, i, k, ninits = unit_fn_inits(en->unit, name, &inits);
	bool dummy;

	if (!taken)
		taken = &dummy;
	*taken = true;
	*ncalls = 0;
	for (i = 0; i < ninits; i++)
		if (!strcmp(inits[i].fn, name))
			return false;
	for (f = 0; f < prog->nmain; f++) {
		const struct ir_func *fn = prog->get(prog->ctx,
						     prog->main_fns[f]);

		for (b = 0; fn && b < fn->nblocks; b++) {
			const struct ir_block *bl = &fn->blocks[b];

			if (names_fn(bl->cond, name) || names_fn(bl->ret, name))
				return false;
			for (i = 0; i < bl->ninsns; i++) {
				const struct ir_insn *in = &bl->insns[i];

				if (names_fn(in->rhs, name) ||
				    names_fn(in->lhs, name))
					return false;
				if (!in->call)
					continue;
				if (names_fn(in->call->fnexpr, name))
					return false;
				for (k = 0; k < in->call->nargs; k++)
					if (names_fn(in->call->args[k], name))
						return false;
				if (!in->call->callee ||
				    strcmp(in->call->callee, name))
					continue;
				if (*ncalls == MAX_SITES) {
					*taken = false;
					return false;
				}
				calls[(*ncalls)++] = in->call;
			}
		}
	}
	*taken = false;
	return true;
}

/* Has the function assigned variable v (or taken its address)? */
static bool expr_takes(const struct ir_expr *e, int v)
{
	if (!e)
		return false;
	if (e->kind == EX_ADDR && e->a && e->a->kind == EX_VAR &&
	    e->a->var == v)
		return true;
	return expr_takes(e->a, v) || expr_takes(e->b, v);
}

static bool assigned(const struct ir_func *fn, int v)
{
	int b, i, k;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];

			if (in->lhs && in->lhs->kind == EX_VAR &&
			    in->lhs->var == v)
				return true;
			if (in->call && in->call->dest &&
			    in->call->dest->kind == EX_VAR &&
			    in->call->dest->var == v)
				return true;
			if (expr_takes(in->rhs, v))
				return true;
			for (k = 0; in->call && k < in->call->nargs; k++)
				if (expr_takes(in->call->args[k], v))
					return true;
		}
	return false;
}

/*
 * Does the path's knowledge of parameter var i contradict argument a?
 * A pointer (or pointer-wide) parameter is the symbolic object it held on
 * entry, which stays in the state when the variable is dead, and whose
 * tests were tests of the caller's value.  A narrower integer counts
 * while the variable is live and was never assigned.
 */
static bool contradicts(struct engine *en, struct state *st, int i,
			struct arg_fact a)
{
	const struct ir_var *var = &en->fn->vars[i];
	const struct value *v;
	struct objst tmp;
	const struct objst *o;

	if (!a.known)
		return false;
	if (var->is_ptr || var->is_long) {
		o = engine_obj(en, st, sym_param(en, var->param), &tmp);
		if (!o)
			return false;
		return (o->null == NL_NULL && a.nonzero) ||
		       (o->null == NL_NONNULL && !a.nonzero);
	}
	v = state_get(st, path_root_var(en, i));
	if (!v || assigned(en->fn, i) || !a.is_const)
		return false;
	switch (v->kind) {
	case V_CONST:
		return v->c != a.c;
	case V_NONNULL:
		return !a.nonzero;
	case V_NE:
		return a.c == v->c;
	case V_NESET:
		return a.c >= 0 && a.c < 64 && ((uint64_t)v->c >> a.c) & 1;
	case V_NEG:
		return a.c >= 0;
	case V_POS:
		return a.c <= 0;
	default:
		return false;
	}
}

bool engine_fn_called_only_here(struct engine *en)
{
	const struct ir_call *calls[MAX_SITES];
	int n;

	if (en->called_only_here < 0)
		en->called_only_here = en->fn->is_static &&
				       en->fn->in_main_file &&
				       call_sites(en, en->fn->name, calls, &n) &&
				       n > 0;
	return en->called_only_here > 0;
}

bool engine_path_has_caller(struct engine *en, struct state *st)
{
	const struct ir_call *calls[MAX_SITES];
	int n, k, i;

	if (!en->fn->is_static || !en->fn->in_main_file)
		return true;
	if (!call_sites(en, en->fn->name, calls, &n) || !n)
		return true;
	for (k = 0; k < n; k++) {
		bool ok = true;

		for (i = 0; i < en->fn->nvars && ok; i++) {
			const struct ir_var *var = &en->fn->vars[i];

			if (var->kind != VAR_PARAM || var->param < 0 ||
			    var->param >= calls[k]->nargs)
				continue;
			if (contradicts(en, st, i,
					arg_of(calls[k]->args[var->param])))
				ok = false;
		}
		if (ok)
			return true;	/* this call may take the path */
	}
	engine_queried(en);
	return false;
}

bool engine_fn_reached_by_pointer(struct engine *en)
{
	const struct ir_call *calls[MAX_SITES];
	bool taken = false;
	int n;

	if (!en->fn->in_main_file)
		return false;
	if (call_sites_taken(en, en->fn->name, calls, &n, &taken))
		return false;
	return taken;
}
