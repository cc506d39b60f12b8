// SPDX-License-Identifier: GPL-2.0
/*
 * Lowering, part 5: flag predicates.  A function of the unit whose body
 * is one `return E;`, E a test of its parameters' bits or an equality
 * with a constant, is lowered at each call as E with the call's
 * arguments in place of the parameters:
 *
 *	static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
 *	{
 *		return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
 *	}
 *
 * so `if (!gfpflags_allow_blocking(gfp_mask)) goto nomem;` in
 * try_charge_memcg() is a branch on `gfp_mask & __GFP_DIRECT_RECLAIM`,
 * a test of the caller's own parameter that the engine and the checkers
 * follow (the sleep further down needs the bit).  A summary cannot say
 * it: the helper's result is a new value, unrelated to the caller's
 * argument.  Only side-effect-free arguments are put in (a variable, a
 * field, a constant), so evaluating one twice changes nothing.  Error
 * pointer tests (IS_ERR(): `ptr >= -MAX_ERRNO`) and NULL tests (`!p`)
 * are not flag tests and stay calls, for the rules and the summaries.
 */
#include "lower_impl.h"

#define MAX_PURE_DEPTH	32

static bool is_builtin_expect(CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);
	char *name;
	bool r;

	if (kind_of(ref) != CXCursor_FunctionDecl)
		return false;
	name = spelling(ref);
	r = !strcmp(name, "__builtin_expect") &&
	    clang_Cursor_getNumArguments(c) == 2;
	free(name);
	return r;
}

/*
 * No side effect and no call: literals, parameters (in a predicate's
 * body) or variables (in an argument), fields, casts and operators.
 */
static bool pure(CXCursor c, bool body, int depth)
{
	enum CXCursorKind k = kind_of(c);
	struct kids kk;
	bool ok = true;
	int64_t v;
	int i;

	if (depth > MAX_PURE_DEPTH)
		return false;
	if (clang_isExpression(k) && k != CXCursor_DeclRefExpr &&
	    eval_int(c, &v))
		return true;
	switch (k) {
	case CXCursor_DeclRefExpr: {
		enum CXCursorKind rk = kind_of(clang_getCursorReferenced(c));

		return rk == CXCursor_ParmDecl ||
		       rk == CXCursor_EnumConstantDecl ||
		       (!body && rk == CXCursor_VarDecl);
	}
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_TypeRef:
		return true;
	case CXCursor_UnaryOperator:
		switch (clang_getCursorUnaryOperatorKind(c)) {
		case CXUnaryOperator_LNot:
		case CXUnaryOperator_Not:
		case CXUnaryOperator_Minus:
		case CXUnaryOperator_Plus:
			break;
		default:
			return false;
		}
		break;
	case CXCursor_BinaryOperator:
		switch (clang_getCursorBinaryOperatorKind(c)) {
		case CXBinaryOperator_Assign:
		case CXBinaryOperator_Comma:
			return false;
		default:
			break;
		}
		break;
	case CXCursor_CallExpr:
		/* likely(), unlikely(): only in a condition's lowering */
		if (!body || !is_builtin_expect(c))
			return false;
		return pure(clang_Cursor_getArgument(c, 0), body, depth + 1) &&
		       pure(clang_Cursor_getArgument(c, 1), body, depth + 1);
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_MemberRefExpr:
		break;
	default:
		return false;
	}
	get_kids(c, &kk);
	for (i = 0; ok && i < kk.n; i++)
		ok = pure(kk.v[i], body, depth + 1);
	free_kids(&kk);
	return ok;
}

/* The one operand of a paren, an implicit conversion or a cast. */
static bool only_operand(CXCursor c, CXCursor *out)
{
	struct kids kk;
	int i, n = 0;

	get_kids(c, &kk);
	for (i = 0; i < kk.n; i++)
		if (kind_of(kk.v[i]) != CXCursor_TypeRef) {
			*out = kk.v[i];
			n++;
		}
	free_kids(&kk);
	return n == 1;
}

static bool has_const(CXCursor c)
{
	int64_t v;

	return eval_int(c, &v);
}

/*
 * E is a flag test: under !, casts and likely(), `x & K`, `x == K`,
 * `x != K` with a constant K, or such tests joined by && and ||.
 */
static bool flag_test(CXCursor c, int depth)
{
	enum CXCursorKind k = kind_of(c);
	CXCursor in;
	struct kids kk;
	bool ok = false;

	if (depth > MAX_PURE_DEPTH)
		return false;
	switch (k) {
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr:
		return only_operand(c, &in) && flag_test(in, depth + 1);
	case CXCursor_UnaryOperator:
		return clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot &&
		       only_operand(c, &in) && flag_test(in, depth + 1);
	case CXCursor_CallExpr:
		return is_builtin_expect(c) &&
		       flag_test(clang_Cursor_getArgument(c, 0), depth + 1);
	case CXCursor_BinaryOperator:
		break;
	default:
		return false;
	}
	get_kids(c, &kk);
	if (kk.n == 2) {
		switch (clang_getCursorBinaryOperatorKind(c)) {
		case CXBinaryOperator_And:
		case CXBinaryOperator_EQ:
		case CXBinaryOperator_NE:
			ok = has_const(kk.v[0]) != has_const(kk.v[1]);
			break;
		case CXBinaryOperator_LAnd:
		case CXBinaryOperator_LOr:
			ok = flag_test(kk.v[0], depth + 1) &&
			     flag_test(kk.v[1], depth + 1);
			break;
		default:
			break;
		}
	}
	free_kids(&kk);
	return ok;
}

/*
 * The flag predicate that call c calls: its returned expression and its
 * parameters.  The arguments must be pure too.
 */
static bool flag_predicate(CXCursor call, CXCursor *ret, struct kids *parms)
{
	CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(call));
	struct kids kk, body;
	int i, n = clang_Cursor_getNumArguments(call);
	bool ok = false;

	if (kind_of(def) != CXCursor_FunctionDecl || n < 1 ||
	    clang_Cursor_isVariadic(def) ||
	    clang_Cursor_getNumArguments(def) != n)
		return false;
	for (i = 0; i < n; i++)
		if (!pure(clang_Cursor_getArgument(call, i), false, 0))
			return false;
	get_kids(def, &kk);
	if (kk.n && kind_of(kk.v[kk.n - 1]) == CXCursor_CompoundStmt) {
		get_kids(kk.v[kk.n - 1], &body);
		if (body.n == 1 && kind_of(body.v[0]) == CXCursor_ReturnStmt &&
		    only_operand(body.v[0], ret))
			ok = flag_test(*ret, 0) && pure(*ret, true, 0);
		free_kids(&body);
	}
	free_kids(&kk);
	if (!ok)
		return false;
	memset(parms, 0, sizeof(*parms));
	for (i = 0; i < n; i++) {
		CXCursor p = clang_Cursor_getArgument(def, i);

		if (parms->n == parms->alloc) {
			parms->alloc = parms->alloc ? 2 * parms->alloc : 4;
			parms->v = realloc(parms->v,
					   parms->alloc * sizeof(*parms->v));
			if (!parms->v)
				abort();
		}
		parms->v[parms->n++] = p;
	}
	return true;
}

/* A parameter of the predicate being inlined: the call's argument. */
struct ir_expr *lower_subst_param(struct lower *L, CXCursor parm)
{
	CXCursor *sp = L->sub_parm, *sa = L->sub_arg;
	int i, n = L->nsub;
	struct ir_expr *e = NULL;
	int64_t v;

	for (i = 0; i < n; i++)
		if (clang_equalCursors(parm, sp[i]))
			break;
	if (i == n)
		return NULL;
	L->nsub = 0;		/* the argument is the caller's */
	if (eval_int(sa[i], &v))
		e = mk_const(L, v, sa[i]);
	else
		e = lower_expr(L, sa[i]);
	L->nsub = n;
	return e;
}

/*
 * Lower call c as its predicate's test: a branch to t or f when cond,
 * else its value (into dest when given).  False when c is no flag
 * predicate's call, or when one is being inlined already.
 */
static bool inline_predicate(struct lower *L, CXCursor c, bool cond, int t,
			     int f, struct ir_expr *dest, struct ir_expr **out)
{
	struct kids parms;
	CXCursor ret, *args;
	int i;

	if (L->nsub || !flag_predicate(c, &ret, &parms))
		return false;
	args = arena_alloc(L->ar, (parms.n + 1) * sizeof(*args));
	for (i = 0; i < parms.n; i++)
		args[i] = clang_Cursor_getArgument(c, i);
	L->sub_parm = parms.v;
	L->sub_arg = args;
	L->nsub = parms.n;
	L->sub_at = c;
	if (cond) {
		lower_cond(L, ret, t, f);
	} else {
		*out = lower_expr(L, ret);
		if (dest)
			emit_assign(L, dest, *out, c);
	}
	L->nsub = 0;
	free_kids(&parms);
	return true;
}

bool lower_inline_cond(struct lower *L, CXCursor c, int t, int f)
{
	return inline_predicate(L, c, true, t, f, NULL, NULL);
}

struct ir_expr *lower_inline_value(struct lower *L, CXCursor c,
				   struct ir_expr *dest)
{
	struct ir_expr *e = NULL;

	if (!inline_predicate(L, c, false, 0, 0, dest, &e))
		return NULL;
	return e;
}
