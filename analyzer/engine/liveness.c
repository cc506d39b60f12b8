// SPDX-License-Identifier: GPL-2.0
/*
 * Live variables, per block.  A binding of a local that no later code
 * reads (a temporary of a macro, a loop's previous cursor) only tells
 * states apart: the engine drops it at the start of a block where the
 * variable is dead, so paths that differ only there merge.  Standard
 * backward dataflow over the CFG; a variable whose address is taken is
 * always live (it may be read through the pointer).
 */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

struct bits {
	uint64_t *w;
};

static int nwords(int nvars)
{
	return (nvars + 63) / 64 + 1;
}

static void set_bit(uint64_t *w, int i)
{
	w[i / 64] |= 1ULL << (i % 64);
}

static bool has_bit(const uint64_t *w, int i)
{
	return w[i / 64] & (1ULL << (i % 64));
}

/* the variable an lvalue is rooted at through no dereference, or -1 */
static int local_root(const struct ir_expr *e)
{
	while (e) {
		switch (e->kind) {
		case EX_VAR:
			return e->var;
		case EX_MEMBER:
			if (e->arrow)
				return -1;
			e = e->a;
			break;
		case EX_INDEX:
			if (e->base_is_ptr)
				return -1;
			e = e->a;
			break;
		default:
			return -1;
		}
	}
	return -1;
}

static void uses(const struct ir_expr *e, uint64_t *use, const uint64_t *def,
		 uint64_t *addr)
{
	int r;

	if (!e)
		return;
	switch (e->kind) {
	case EX_VAR:
		if (!has_bit(def, e->var))
			set_bit(use, e->var);
		return;
	case EX_ADDR:
		r = local_root(e->a);
		if (r >= 0)
			set_bit(addr, r);
		break;
	default:
		break;
	}
	uses(e->a, use, def, addr);
	uses(e->b, use, def, addr);
}

/* p->x = ...: p is read; s.x = ...: s is partly written, still live */
static void lvalue(const struct ir_expr *e, uint64_t *use, uint64_t *def,
		   uint64_t *addr)
{
	if (!e)
		return;
	if (e->kind == EX_VAR) {
		set_bit(def, e->var);
		return;
	}
	uses(e, use, def, addr);
}

static void block_sets(const struct ir_block *b, uint64_t *use, uint64_t *def,
		       uint64_t *addr)
{
	int i, k;

	for (i = 0; i < b->ninsns; i++) {
		const struct ir_insn *in = &b->insns[i];

		switch (in->kind) {
		case I_ASSIGN:
			uses(in->rhs, use, def, addr);
			lvalue(in->lhs, use, def, addr);
			break;
		case I_USE:
		case I_ESCAPE:
			uses(in->rhs, use, def, addr);
			break;
		case I_CALL:
			for (k = 0; k < in->call->nargs; k++)
				uses(in->call->args[k], use, def, addr);
			uses(in->call->fnexpr, use, def, addr);
			lvalue(in->call->dest, use, def, addr);
			break;
		}
	}
	if (b->term == T_BRANCH)
		uses(b->cond, use, def, addr);
	if (b->term == T_RETURN)
		uses(b->ret, use, def, addr);
}

uint64_t *liveness_compute(const struct ir_func *fn)
{
	int nw = nwords(fn->nvars), b, i;
	size_t size = (size_t)fn->nblocks * nw * sizeof(uint64_t);
	uint64_t *in = xcalloc(1, size + sizeof(uint64_t));
	uint64_t *use = xcalloc(1, size + sizeof(uint64_t));
	uint64_t *def = xcalloc(1, size + sizeof(uint64_t));
	uint64_t *addr = xcalloc(nw, sizeof(uint64_t));
	uint64_t *out = xcalloc(nw, sizeof(uint64_t));
	bool changed = true;

	for (b = 0; b < fn->nblocks; b++) {
		block_sets(&fn->blocks[b], use + b * nw, def + b * nw, addr);
		/* a path that ends unreachable (after a noreturn call, past
		 * every case of an enum) loses nothing on its way there */
		if (fn->blocks[b].term == T_UNREACHABLE)
			for (i = 0; i < fn->nvars; i++)
				set_bit(use + b * nw, i);
	}
	/* a cleanup variable is read when it goes out of scope */
	for (i = 0; i < fn->nvars; i++)
		if (fn->vars[i].cleanup)
			set_bit(addr, i);
	while (changed) {
		changed = false;
		for (b = fn->nblocks - 1; b >= 0; b--) {
			const struct ir_block *blk = &fn->blocks[b];
			uint64_t *bin = in + b * nw;

			memset(out, 0, nw * sizeof(uint64_t));
			if (blk->term == T_GOTO || blk->term == T_BRANCH)
				for (i = 0; i < nw; i++)
					out[i] |= in[blk->succ[0] * nw + i];
			if (blk->term == T_BRANCH)
				for (i = 0; i < nw; i++)
					out[i] |= in[blk->succ[1] * nw + i];
			for (i = 0; i < nw; i++) {
				uint64_t v = use[b * nw + i] |
					     (out[i] & ~def[b * nw + i]) |
					     addr[i];

				if (v != bin[i]) {
					bin[i] = v;
					changed = true;
				}
			}
		}
	}
	free(use);
	free(def);
	free(addr);
	free(out);
	return in;
}

/* Does the function take the address of local var anywhere (&x, &s.f)?
 * The same test that keeps such a variable always live. */
/* The variables whose address is taken somewhere in fn: a bitset of
 * nvars bits, computed once per function by its users. */
uint64_t *liveness_addressed_set(const struct ir_func *fn)
{
	int nw = nwords(fn->nvars), b;
	uint64_t *use = xcalloc(nw, sizeof(uint64_t));
	uint64_t *def = xcalloc(nw, sizeof(uint64_t));
	uint64_t *addr = xcalloc(nw, sizeof(uint64_t));

	for (b = 0; b < fn->nblocks; b++)
		block_sets(&fn->blocks[b], use, def, addr);
	free(use);
	free(def);
	return addr;
}

/* The variables assigned anywhere in the function, or whose address is
 * taken (a parameter in neither still holds its caller's value). */
uint64_t *liveness_written_set(const struct ir_func *fn)
{
	int nw = nwords(fn->nvars), b, i;
	uint64_t *use = xcalloc(nw, sizeof(uint64_t));
	uint64_t *def = xcalloc(nw, sizeof(uint64_t));
	uint64_t *addr = xcalloc(nw, sizeof(uint64_t));

	/* lvalue() marks every variable assigned as a whole */
	for (b = 0; b < fn->nblocks; b++)
		block_sets(&fn->blocks[b], use, def, addr);
	for (i = 0; i < nw; i++)
		def[i] |= addr[i];
	free(use);
	free(addr);
	return def;
}

/* The local variables whose address an assignment stores (cfg.h = &hdr,
 * p = &s.f): a call given the place that holds it may write them. */
uint64_t *liveness_stored_addr_set(const struct ir_func *fn)
{
	int nw = nwords(fn->nvars), b, i;
	uint64_t *use = xcalloc(nw, sizeof(uint64_t));
	uint64_t *def = xcalloc(nw, sizeof(uint64_t));
	uint64_t *addr = xcalloc(nw, sizeof(uint64_t));
	bool any = false;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++)
			if (fn->blocks[b].insns[i].kind == I_ASSIGN)
				uses(fn->blocks[b].insns[i].rhs, use, def,
				     addr);
	free(use);
	free(def);
	for (i = 0; i < fn->nvars; i++) {
		if (fn->vars[i].kind == VAR_GLOBAL ||
		    fn->vars[i].kind == VAR_PARAM)
			addr[i / 64] &= ~(1ULL << (i % 64));
		else if (has_bit(addr, i))
			any = true;
	}
	if (!any) {
		free(addr);
		return NULL;
	}
	return addr;
}

bool liveness_in_set(const uint64_t *set, int var)
{
	return var >= 0 && has_bit(set, var);
}

bool liveness_live(const struct ir_func *fn, const uint64_t *live, int block,
		   int var)
{
	return has_bit(live + (size_t)block * nwords(fn->nvars), var);
}

/*
 * The local pointers that walk an array: assigned from themselves plus
 * or minus something (p++, p += n, p = p + 1).  A bit per variable.
 */
uint64_t *liveness_walkers(const struct ir_func *fn)
{
	return liveness_steppers(fn, true);
}

/*
 * The local variables assigned from themselves plus or minus something
 * (i++, off += PAGE_SIZE, p++): pointers only, or integers too.
 */
uint64_t *liveness_steppers(const struct ir_func *fn, bool ptr_only)
{
	uint64_t *w = xcalloc(nwords(fn->nvars) + 1, sizeof(uint64_t));
	int b, i;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];
			const struct ir_expr *l = in->lhs, *r = in->rhs;

			if (in->kind != I_ASSIGN || !l || !r ||
			    l->kind != EX_VAR || l->var < 0 ||
			    l->var >= fn->nvars || (ptr_only && !l->is_ptr) ||
			    fn->vars[l->var].kind != VAR_LOCAL ||
			    r->kind != EX_ARITH ||
			    (r->op != AR_ADD && r->op != AR_SUB) || !r->a ||
			    r->a->kind != EX_VAR || r->a->var != l->var)
				continue;
			set_bit(w, l->var);
		}
	return w;
}

