// SPDX-License-Identifier: GPL-2.0
/*
 * libclang AST -> function CFG: switch statements and their cases.  The
 * cases are collected first (not into a nested switch); a switch over an
 * enum whose cases name every enumerator, with no default, does not fall
 * past them.
 */
#include <stdlib.h>
#include <string.h>

#include "lower_impl.h"

static void collect_cases(struct lower *L, CXCursor c, struct switch_ctx *sw)
{
	enum CXCursorKind k = kind_of(c);
	struct kids kk;
	int i;

	if (k == CXCursor_SwitchStmt || clang_isExpression(k))
		return;
	if (k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
		if (sw->n == sw->alloc) {
			sw->alloc = sw->alloc ? sw->alloc * 2 : 8;
			sw->cases = xrealloc(sw->cases, sw->alloc * sizeof(*sw->cases));
			sw->blocks = xrealloc(sw->blocks, sw->alloc * sizeof(int));
		}
		sw->cases[sw->n] = c;
		sw->blocks[sw->n++] = new_block(L);
	}
	get_kids(c, &kk);
	for (i = 0; i < kk.n; i++)
		collect_cases(L, kk.v[i], sw);
	free_kids(&kk);
}

struct enum_walk {
	const int64_t *vals;
	int n;
	bool all;		/* every enumerator so far is a case */
	int count;
};

static enum CXChildVisitResult enum_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct enum_walk *w = data;
	int64_t v;
	int i;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_EnumConstantDecl)
		return CXChildVisit_Continue;
	v = clang_getEnumConstantDeclValue(c);
	w->count++;
	for (i = 0; i < w->n; i++)
		if (w->vals[i] == v)
			return CXChildVisit_Continue;
	w->all = false;
	return CXChildVisit_Break;
}

/*
 * switch (pf->kind) over an expression of enum type whose cases name
 * every enumerator and that has no default: the value is one of them
 * (what -Wswitch assumes), so falling past every case does not happen
 * (ppp_write() leaked nothing on a third kind of file).  The condition
 * is promoted to int: look through the implicit conversions.
 */
static bool enum_switch_covered(CXCursor cond, const int64_t *vals, int n)
{
	struct enum_walk w = { vals, n, true, 0 };
	CXType t = clang_getCanonicalType(clang_getCursorType(strip(cond)));

	if (t.kind != CXType_Enum)
		return false;
	clang_visitChildren(clang_getTypeDeclaration(t), enum_visit, &w);
	return w.all && w.count > 0;
}

/*
 * A member reached from a variable (info->mode, priv->cfg.kind): the case
 * tests read it again, as an if chain would, so what they learn is learnt
 * of the member itself, and a second switch (or if) on it later follows
 * the same way (nxp-nci's irq thread reads with one switch on info->mode
 * and delivers with another).  Anything else is read once into a
 * temporary.
 */
static bool member_place(const struct ir_expr *e)
{
	if (e->kind != EX_MEMBER)
		return false;
	while (e->kind == EX_MEMBER)
		e = e->a;
	return e && e->kind == EX_VAR;
}

void lower_switch(struct lower *L, CXCursor c)
{
	struct switch_ctx sw = { 0 }, *osw = L->sw;
	struct ir_expr *val;
	struct kids k;
	int i, exit, dflt = -1, ob = L->brk, nvals = 0, last;
	int64_t *vals;
	bool known = true;

	get_kids(c, &k);
	if (k.n < 2) {
		free_kids(&k);
		return;
	}
	val = lower_expr(L, k.v[k.n - 2]);
	if (val->kind != EX_VAR && val->kind != EX_CONST && !member_place(val)) {
		int t = new_temp(L, false);

		emit_assign(L, mk_var(L, t, c), val, c);
		val = mk_var(L, t, c);
	}
	collect_cases(L, k.v[k.n - 1], &sw);
	exit = new_block(L);
	vals = xmalloc((sw.n + 1) * sizeof(*vals));
	for (i = sw.n - 1; i >= 0; i--)
		if (kind_of(sw.cases[i]) != CXCursor_DefaultStmt)
			break;
	last = i;
	for (i = 0; i < sw.n; i++) {
		struct kids ck;
		struct ir_expr *cond;
		int64_t v;
		int next;

		if (kind_of(sw.cases[i]) == CXCursor_DefaultStmt) {
			dflt = sw.blocks[i];
			continue;
		}
		get_kids(sw.cases[i], &ck);
		if (ck.n == 2 && eval_int(ck.v[0], &v)) {
			cond = mk(L, EX_CMP, sw.cases[i]);
			cond->op = CMP_EQ;
			cond->a = val;
			cond->b = mk_const(L, v, ck.v[0]);
			cond->sw_last = i == last;
			vals[nvals++] = v;
		} else {
			cond = mk(L, EX_UNKNOWN, sw.cases[i]);
			known = false;	/* a case range: not followed */
		}
		free_kids(&ck);
		next = new_block(L);
		term_branch(L, cond, sw.blocks[i], next,
			    ir_cursor_loc(sw.cases[i], NULL));
		L->cur = next;
	}
	if (dflt < 0 && known && nvals &&
	    enum_switch_covered(k.v[k.n - 2], vals, nvals))
		term_exit(L, T_UNREACHABLE, NULL, ir_cursor_loc(c, NULL));
	else
		term_goto(L, dflt >= 0 ? dflt : exit);
	free(vals);
	L->cur = new_block(L);
	L->sw = &sw;
	L->brk = exit;
	lower_stmt(L, k.v[k.n - 1]);
	term_goto(L, exit);
	L->cur = exit;
	L->sw = osw;
	L->brk = ob;
	free(sw.cases);
	free(sw.blocks);
	free_kids(&k);
}

void lower_case(struct lower *L, CXCursor c)
{
	struct kids k;
	int i, target = -1;

	for (i = 0; L->sw && i < L->sw->n; i++)
		if (clang_equalCursors(L->sw->cases[i], c))
			target = L->sw->blocks[i];
	if (target >= 0) {
		term_goto(L, target);	/* fallthrough from the case above */
		L->cur = target;
	}
	get_kids(c, &k);
	if (k.n)
		lower_stmt(L, k.v[k.n - 1]);
	free_kids(&k);
}
