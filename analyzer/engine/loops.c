// SPDX-License-Identifier: GPL-2.0
/*
 * The natural loops of a function's CFG, for "does this edge leave the
 * loop it is in?".  Dominators by the iterative algorithm of Cooper,
 * Harvey and Kennedy over a reverse postorder; a back edge p -> h is one
 * whose head h dominates p, and its loop is h with every block that
 * reaches p without passing through h.  Loops of one head are one loop.
 * An edge leaves a loop when its source is in the innermost loop that
 * holds it and its target is not: the test of an inner loop nested in an
 * outer one, a break or a return in its body.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

struct cfg_loops {
	int nblocks;
	int n;
	int *head;
	int *size;
	uint8_t **body;		/* per loop, one byte per block */
};

/* postorder of the blocks reached from the entry; returns their count */
static int postorder(const struct ir_func *fn, int *order)
{
	int nb = fn->nblocks, n = 0, sp = 0;
	int *stack = xcalloc((size_t)nb, sizeof(*stack));
	int *next = xcalloc((size_t)nb, sizeof(*next));
	uint8_t *seen = xcalloc((size_t)nb, 1);

	seen[0] = 1;
	stack[sp++] = 0;
	while (sp) {
		int b = stack[sp - 1], s[2];
		int ns = cfg_succs(&fn->blocks[b], nb, s);

		if (next[b] < ns) {
			int t = s[next[b]++];

			if (!seen[t]) {
				seen[t] = 1;
				stack[sp++] = t;
			}
		} else {
			order[n++] = b;
			sp--;
		}
	}
	free(stack);
	free(next);
	free(seen);
	return n;
}

struct cfg_loops *cfg_loops(const struct ir_func *fn)
{
	int nb = fn->nblocks, n, i, j, changed = 1;
	int *po = xcalloc((size_t)nb + 1, sizeof(*po));
	int *num = xcalloc((size_t)nb, sizeof(*num));	/* postorder no. + 1 */
	int *idom = xcalloc((size_t)nb, sizeof(*idom));
	int **pred = xcalloc((size_t)nb, sizeof(*pred));
	int *npred = xcalloc((size_t)nb, sizeof(*npred));
	struct cfg_loops *L = xcalloc(1, sizeof(*L));

	L->nblocks = nb;
	if (nb <= 0)
		goto out;
	n = postorder(fn, po);
	for (i = 0; i < n; i++)
		num[po[i]] = i + 1;
	for (i = 0; i < nb; i++) {
		int s[2], ns = num[i] ? cfg_succs(&fn->blocks[i], nb, s) : 0;

		for (j = 0; j < ns; j++) {
			pred[s[j]] = xrealloc(pred[s[j]], (size_t)(npred[s[j]] + 1) *
					      sizeof(int));
			pred[s[j]][npred[s[j]]++] = i;
		}
	}
	for (i = 0; i < nb; i++)
		idom[i] = -1;
	idom[0] = 0;
	while (changed) {
		changed = 0;
		for (i = n - 2; i >= 0; i--) {	/* reverse postorder */
			int b = po[i], nd = -1, k;

			for (k = 0; k < npred[b]; k++) {
				int p = pred[b][k];

				if (idom[p] < 0)
					continue;
				if (nd < 0) {
					nd = p;
					continue;
				}
				while (nd != p) {
					while (num[nd] < num[p])
						nd = idom[nd];
					while (num[p] < num[nd])
						p = idom[p];
				}
			}
			if (nd >= 0 && idom[b] != nd) {
				idom[b] = nd;
				changed = 1;
			}
		}
	}
	/* back edges p -> h (h dominates p), their loops merged by head */
	for (i = 0; i < n; i++) {
		int p = po[i], s[2], ns = cfg_succs(&fn->blocks[p], nb, s), k;

		for (k = 0; k < ns; k++) {
			int h = s[k], d = p, l, sp = 0, *stack;
			uint8_t *body;

			while (d != h && d != 0)
				d = idom[d];
			if (d != h)
				continue;
			for (l = 0; l < L->n && L->head[l] != h; l++)
				;
			if (l == L->n) {
				L->head = xrealloc(L->head, (size_t)(L->n + 1) *
						   sizeof(int));
				L->size = xrealloc(L->size, (size_t)(L->n + 1) *
						   sizeof(int));
				L->body = xrealloc(L->body, (size_t)(L->n + 1) *
						   sizeof(*L->body));
				L->head[l] = h;
				L->size[l] = 1;
				L->body[l] = xcalloc((size_t)nb, 1);
				L->body[l][h] = 1;
				L->n++;
			}
			body = L->body[l];
			stack = xcalloc((size_t)nb, sizeof(*stack));
			if (!body[p]) {
				body[p] = 1;
				L->size[l]++;
				stack[sp++] = p;
			}
			while (sp) {
				int b = stack[--sp], q;

				for (q = 0; q < npred[b]; q++)
					if (!body[pred[b][q]]) {
						body[pred[b][q]] = 1;
						L->size[l]++;
						stack[sp++] = pred[b][q];
					}
			}
			free(stack);
		}
	}
out:
	for (i = 0; i < nb; i++)
		free(pred[i]);
	free(pred);
	free(npred);
	free(po);
	free(num);
	free(idom);
	return L;
}

bool cfg_edge_leaves_loop(const struct cfg_loops *L, int from, int to)
{
	int l, best = -1;

	if (!L || from < 0 || from >= L->nblocks || to < 0 ||
	    to >= L->nblocks)
		return false;
	for (l = 0; l < L->n; l++)
		if (L->body[l][from] && (best < 0 || L->size[l] < L->size[best]))
			best = l;
	return best >= 0 && !L->body[best][to];
}

void cfg_loops_free(struct cfg_loops *L)
{
	int l;

	if (!L)
		return;
	for (l = 0; l < L->n; l++)
		free(L->body[l]);
	free(L->body);
	free(L->head);
	free(L->size);
	free(L);
}

/* Does e write memory or hand a pointer away (a call's argument)? */
static bool local_lvalue(const struct ir_func *fn, const struct ir_expr *e)
{
	return e && e->kind == EX_VAR && e->var >= 0 && e->var < fn->nvars &&
	       fn->vars[e->var].kind != VAR_GLOBAL;
}

static bool block_quiet(const struct ir_func *fn, const struct ir_block *b)
{
	int i, k;

	for (i = 0; i < b->ninsns; i++) {
		const struct ir_insn *in = &b->insns[i];

		switch (in->kind) {
		case I_ASSIGN:
			if (!local_lvalue(fn, in->lhs))
				return false;
			break;
		case I_CALL:
			if (!in->call->callee ||
			    (in->call->dest && !local_lvalue(fn, in->call->dest)))
				return false;
			for (k = 0; k < in->call->nargs; k++)
				if (in->call->args[k] &&
				    (in->call->args[k]->is_ptr ||
				     in->call->args[k]->kind == EX_ADDR))
					return false;
			break;
		default:
			break;
		}
	}
	return true;
}

/*
 * The exit tests of polling loops: a loop whose body writes no memory
 * (only its own locals) and calls nothing with a pointer (cpu_relax(),
 * udelay(), msleep()) waits for someone else to change what its test
 * reads:
 *
 *	ap->fw_running = 0;
 *	...
 *	while (time_before(jiffies, myjif) && !ap->fw_running)
 *		cpu_relax();
 *
 * (acenic's ace_init(): the interrupt handler sets fw_running).  One byte
 * per block, 1 for a branch of such a loop that leaves it; NULL when
 * there is none.
 */
uint8_t *cfg_polling_tests(const struct ir_func *fn)
{
	struct cfg_loops *L = cfg_loops(fn);
	uint8_t *out = NULL;
	int l, b;

	for (l = 0; L && l < L->n; l++) {
		bool quiet = true;

		for (b = 0; b < fn->nblocks && quiet; b++)
			if (L->body[l][b])
				quiet = block_quiet(fn, &fn->blocks[b]);
		if (!quiet)
			continue;
		for (b = 0; b < fn->nblocks; b++) {
			const struct ir_block *bl = &fn->blocks[b];

			if (!L->body[l][b] || bl->term != T_BRANCH ||
			    (!cfg_edge_leaves_loop(L, b, bl->succ[0]) &&
			     !cfg_edge_leaves_loop(L, b, bl->succ[1])))
				continue;
			if (!out)
				out = xcalloc((size_t)fn->nblocks, 1);
			out[b] = 1;
		}
	}
	cfg_loops_free(L);
	return out;
}
