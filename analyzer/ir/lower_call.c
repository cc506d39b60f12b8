// SPDX-License-Identifier: GPL-2.0
/*
 * Lowering, part 3: calls and conditions.  A call is taken out of its
 * expression into an I_CALL; a condition is lowered to branches (&&, ||,
 * ! short-circuit) so that the engine sees each test as its own edge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower_impl.h"

struct ir_expr *lower_call(struct lower *L, CXCursor c,
				  struct ir_expr *dest)
{
	CXCursor ref = clang_getCursorReferenced(c);
	struct ir_call *call;
	struct ir_insn *insn;
	CXType rt = clang_getCursorType(c);
	int i, n;
	int64_t v;
	struct ir_expr *inl = lower_inline_value(L, c, dest);

	if (inl)
		return inl;
	call = arena_alloc(L->ar, sizeof(*call));
	if (kind_of(ref) == CXCursor_FunctionDecl) {
		char *name = spelling(ref);

		call->callee = arena_strdup(L->ar, name);
		free(name);
		/* __builtin_constant_p(x) and friends fold to constants */
		if (!strncmp(call->callee, "__builtin_", 10) &&
		    strcmp(call->callee, "__builtin_expect") &&
		    eval_int(c, &v)) {
			struct ir_expr *e = mk_const(L, v, c);

			if (dest)
				emit_assign(L, dest, e, c);
			return e;
		}
	} else {
		struct kids k;

		get_kids(c, &k);
		call->fnexpr = k.n ? lower_expr(L, k.v[0]) : NULL;
		free_kids(&k);
	}
	n = clang_Cursor_getNumArguments(c);
	if (n < 0)
		n = 0;
	call->nargs = n;
	call->args = arena_alloc(L->ar, (n + 1) * sizeof(*call->args));
	for (i = 0; i < n; i++) {
		CXCursor arg = clang_Cursor_getArgument(c, i);

		if (eval_int(arg, &v))
			call->args[i] = mk_const(L, v, arg);
		else
			call->args[i] = lower_expr(L, arg);
	}
	call->site = L->fn->ncallsites++;
	if (!dest && rt.kind != CXType_Void && rt.kind != CXType_Invalid)
		dest = mk_var(L, new_temp(L, type_is_ptr(rt)), c);
	call->dest = dest;
	insn = add_insn(L, I_CALL, ir_cursor_loc(c, NULL));
	insn->call = call;
	return dest ? dest : mk(L, EX_UNKNOWN, c);
}

/* ---- conditions ---- */

void lower_cond(struct lower *L, CXCursor c, int t, int f)
{
	CXCursor s = strip(c);
	enum CXCursorKind k = kind_of(s);
	struct kids kk;
	CXCursor last;

	if (L->failed || ++L->depth > MAX_DEPTH) {
		L->failed = true;
		L->depth--;
		term_goto(L, t);
		return;
	}
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);

		get_kids(s, &kk);
		if (kk.n == 2 && (op == CXBinaryOperator_LAnd ||
				  op == CXBinaryOperator_LOr)) {
			int mid = new_block(L);

			if (op == CXBinaryOperator_LAnd)
				lower_cond(L, kk.v[0], mid, f);
			else
				lower_cond(L, kk.v[0], t, mid);
			L->cur = mid;
			lower_cond(L, kk.v[1], t, f);
			free_kids(&kk);
			goto out;
		}
		if (kk.n == 2 && op == CXBinaryOperator_Comma) {
			emit_use(L, lower_expr(L, kk.v[0]), kk.v[0]);
			lower_cond(L, kk.v[1], t, f);
			free_kids(&kk);
			goto out;
		}
		free_kids(&kk);
	} else if (k == CXCursor_UnaryOperator &&
		   clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot) {
		get_kids(s, &kk);
		if (kk.n == 1) {
			lower_cond(L, kk.v[0], f, t);
			free_kids(&kk);
			goto out;
		}
		free_kids(&kk);
	} else if (k == CXCursor_ConditionalOperator) {
		get_kids(s, &kk);
		if (kk.n == 3) {
			int bt = new_block(L), bf = new_block(L);

			lower_cond(L, kk.v[0], bt, bf);
			L->cur = bt;
			lower_cond(L, kk.v[1], t, f);
			L->cur = bf;
			lower_cond(L, kk.v[2], t, f);
			free_kids(&kk);
			goto out;
		}
		free_kids(&kk);
	} else if (k == CXCursor_StmtExpr) {
		if (lower_stmt_expr_body(L, s, &last)) {
			lower_cond(L, last, t, f);
			goto out;
		}
	} else if (k == CXCursor_DeclRefExpr) {
		if (L->npreds && lower_pred_local_cond(L, s, t, f))
			goto out;
	} else if (k == CXCursor_CallExpr) {
		/* likely()/unlikely(): __builtin_expect(!!(x), v) */
		if (is_builtin_expect(s)) {
			lower_cond(L, clang_Cursor_getArgument(s, 0), t, f);
			goto out;
		}
		if (lower_inline_cond(L, s, t, f))
			goto out;
	}
	term_branch(L, lower_expr(L, c), t, f,
		    ir_cursor_loc(L->at_set ? L->at : c, NULL));
out:
	L->depth--;
}

/* An lvalue operand of an asm statement: an output ("=r" (x), "+m" (*p))
 * or a memory input ("m" (*p)).  An rvalue input ("r" (x)) comes wrapped
 * in its conversion (an unexposed cast) or is a computed value. */
static bool asm_lvalue(CXCursor c)
{
	while (kind_of(c) == CXCursor_ParenExpr) {
		struct kids k;

		get_kids(c, &k);
		if (k.n != 1) {
			free_kids(&k);
			return false;
		}
		c = k.v[0];
		free_kids(&k);
	}
	switch (kind_of(c)) {
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		return true;
	case CXCursor_UnaryOperator:
		return clang_getCursorUnaryOperatorKind(c) ==
		       CXUnaryOperator_Deref;
	default:
		return false;
	}
}

/*
 * asm volatile("lock cmpxchgq %2,%1" : "=a" (ret), "+m" (*ptr)
 *					: "r" (new), "0" (old));
 * The engine does not model what an asm statement does.  Each operand
 * whose value is a pointer or as wide as one (an input, an in-out
 * register, a memory operand it reads) escapes: the asm may keep it
 * where the engine cannot see (cmpxchg() and xchg() store their new
 * value).  A local variable operand may be an output: unknown
 * afterwards (a global one is a per-cpu "m" input as often).  A
 * memory operand's place keeps its value (a bit operation on a flags
 * word), and its address does not escape: the asm accesses that memory,
 * it does not keep where it is.  libclang gives the operands (outputs,
 * inputs, asm goto labels) as the statement's children, not their
 * constraints.
 */
void lower_asm(struct lower *L, CXCursor c)
{
	struct kids k;
	int i;

	get_kids(c, &k);
	for (i = 0; i < k.n; i++) {
		CXCursor o = k.v[i];
		struct ir_expr *e;
		struct ir_insn *in;

		if (!clang_isExpression(kind_of(o)) ||
		    kind_of(o) == CXCursor_AddrLabelExpr)
			continue;
		e = lower_expr(L, o);
		if (!e || e->kind == EX_UNKNOWN || e->kind == EX_CONST)
			continue;
		if (e->is_ptr || e->is_long) {
			in = add_insn(L, I_ESCAPE, ir_cursor_loc(o, NULL));
			in->rhs = e;
		}
		if (e->kind == EX_VAR && asm_lvalue(o) &&
		    (L->fn->vars[e->var].kind == VAR_LOCAL ||
		     L->fn->vars[e->var].kind == VAR_TEMP))
			emit_assign(L, e, mk(L, EX_UNKNOWN, o), o);
	}
	free_kids(&k);
}
