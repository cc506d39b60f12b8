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

static bool flag_predicate(CXCursor call, CXCursor *ret, struct kids *parms,
			   int depth);

/* depth: how deep in predicates, their tests and operands it is, so a
 * predicate that calls itself (return pred(x);) ends */
static bool is_flag_call(CXCursor c, int depth)
{
	struct kids parms;
	CXCursor ret;

	if (!flag_predicate(c, &ret, &parms, depth))
		return false;
	free_kids(&parms);
	return true;
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
		/* a flag predicate's call, in a local's assignment */
		if (!body && is_flag_call(c, depth + 1))
			return true;
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
		return last_expr_kid(c, &in) && flag_test(in, depth + 1);
	case CXCursor_UnaryOperator:
		return clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot &&
		       last_expr_kid(c, &in) && flag_test(in, depth + 1);
	case CXCursor_CallExpr:
		if (is_builtin_expect(c))
			return flag_test(clang_Cursor_getArgument(c, 0),
					 depth + 1);
		return is_flag_call(c, depth + 1);
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
static bool flag_predicate(CXCursor call, CXCursor *ret, struct kids *parms,
			   int depth)
{
	CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(call));
	struct kids kk, body;
	int i, n = clang_Cursor_getNumArguments(call);
	bool ok = false;

	if (depth > MAX_PURE_DEPTH ||
	    kind_of(def) != CXCursor_FunctionDecl || n < 1 ||
	    clang_Cursor_isVariadic(def) ||
	    clang_Cursor_getNumArguments(def) != n)
		return false;
	for (i = 0; i < n; i++)
		if (!pure(clang_Cursor_getArgument(call, i), false, depth + 1))
			return false;
	get_kids(def, &kk);
	if (kk.n && kind_of(kk.v[kk.n - 1]) == CXCursor_CompoundStmt) {
		get_kids(kk.v[kk.n - 1], &body);
		if (body.n == 1 && kind_of(body.v[0]) == CXCursor_ReturnStmt &&
		    last_expr_kid(body.v[0], ret))
			ok = flag_test(*ret, depth + 1) &&
			     pure(*ret, true, depth + 1);
		free_kids(&body);
	}
	free_kids(&kk);
	if (!ok)
		return false;
	parms->v = xcalloc(n, sizeof(*parms->v));
	parms->n = parms->alloc = n;
	for (i = 0; i < n; i++)
		parms->v[i] = clang_Cursor_getArgument(def, i);
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
	bool had_at;
	int i;

	if (L->nsub || !flag_predicate(c, &ret, &parms, 0))
		return false;
	args = arena_alloc(L->ar, (parms.n + 1) * sizeof(*args));
	for (i = 0; i < parms.n; i++)
		args[i] = clang_Cursor_getArgument(c, i);
	had_at = L->at_set;
	L->sub_parm = parms.v;
	L->sub_arg = args;
	L->nsub = parms.n;
	if (!had_at) {
		L->at_set = true;
		L->at = c;
	}
	if (cond) {
		lower_cond(L, ret, t, f);
	} else {
		*out = lower_expr(L, ret);
		if (dest)
			emit_assign(L, dest, *out, c);
	}
	L->nsub = 0;
	L->at_set = had_at;
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

/* ---- predicate locals ---- */

/*
 * A local assigned once, with a flag test of parameters and locals that
 * are not assigned after it:
 *
 *	is_atomic = !gfpflags_allow_blocking(gfp);
 *	...
 *	if (!is_atomic) mutex_lock_killable(&pcpu_alloc_mutex);
 *
 * (pcpu_alloc()).  A condition that reads it after that assignment (in
 * source order) is lowered as the test itself, so the branch is a test
 * of the parameter.  A variable whose address is taken, or that is
 * changed by ++, -- or op=, is never one, nor is one the test reads.
 */
struct pred_local {
	CXCursor var;
	CXCursor rhs;
	unsigned off;		/* of its last assignment */
	int n;			/* assignments */
	bool bad;
};

struct pred_scan {
	struct pred_local *v;
	int n, alloc;
};

static unsigned cursor_off(CXCursor c)
{
	unsigned off = 0;

	clang_getExpansionLocation(clang_getCursorLocation(c), NULL, NULL,
				   NULL, &off);
	return off;
}

static struct pred_local *pred_find(struct pred_local *v, int n, CXCursor var)
{
	int i;

	for (i = 0; i < n; i++)
		if (clang_equalCursors(v[i].var, var))
			return &v[i];
	return NULL;
}

static struct pred_local *pred_entry(struct pred_scan *ps, CXCursor var)
{
	struct pred_local *p = pred_find(ps->v, ps->n, var);

	if (p)
		return p;
	if (ps->n == ps->alloc) {
		ps->alloc = ps->alloc ? 2 * ps->alloc : 16;
		ps->v = xrealloc(ps->v, ps->alloc * sizeof(*ps->v));
	}
	p = &ps->v[ps->n++];
	memset(p, 0, sizeof(*p));
	p->var = var;
	return p;
}

/* The variable an lvalue names, through parentheses. */
static bool lvalue_var(CXCursor c, CXCursor *var)
{
	c = strip(c);
	if (kind_of(c) != CXCursor_DeclRefExpr)
		return false;
	*var = clang_getCursorReferenced(c);
	return kind_of(*var) == CXCursor_VarDecl ||
	       kind_of(*var) == CXCursor_ParmDecl;
}

static void assigned(struct pred_scan *ps, CXCursor var, CXCursor rhs,
		     CXCursor at)
{
	struct pred_local *p = pred_entry(ps, var);

	p->n++;
	p->rhs = rhs;
	p->off = cursor_off(at);
}

static enum CXChildVisitResult scan_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct pred_scan *ps = data;
	struct kids kk;
	CXCursor var;

	(void)parent;
	switch (kind_of(c)) {
	case CXCursor_VarDecl: {
		CXCursor init = clang_Cursor_getVarDeclInitializer(c);

		if (!clang_Cursor_isNull(init))
			assigned(ps, c, init, c);
		break;
	}
	case CXCursor_BinaryOperator:
		if (clang_getCursorBinaryOperatorKind(c) !=
		    CXBinaryOperator_Assign)
			break;
		get_kids(c, &kk);
		if (kk.n == 2 && lvalue_var(kk.v[0], &var))
			assigned(ps, var, kk.v[1], c);
		free_kids(&kk);
		break;
	case CXCursor_CompoundAssignOperator:
		get_kids(c, &kk);
		if (kk.n == 2 && lvalue_var(kk.v[0], &var))
			pred_entry(ps, var)->bad = true;
		free_kids(&kk);
		break;
	case CXCursor_UnaryOperator:
		switch (clang_getCursorUnaryOperatorKind(c)) {
		case CXUnaryOperator_PostInc:
		case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc:
		case CXUnaryOperator_PreDec:
		case CXUnaryOperator_AddrOf:
			if (last_expr_kid(c, &var) && lvalue_var(var, &var))
				pred_entry(ps, var)->bad = true;
			break;
		default:
			break;
		}
		break;
	case CXCursor_AsmStmt:
		/* an operand may be an output: every variable it names */
		get_kids(c, &kk);
		{
			int i;

			for (i = 0; i < kk.n; i++)
				if (lvalue_var(kk.v[i], &var))
					pred_entry(ps, var)->bad = true;
		}
		free_kids(&kk);
		break;
	default:
		break;
	}
	return CXChildVisit_Recurse;
}

struct reads_ctx {
	struct pred_scan *ps;
	unsigned off;
	bool ok;
};

/* Each variable the test reads is an automatic scalar, never changed in
 * place, and assigned (if at all) before the test's own assignment. */
static enum CXChildVisitResult reads_visit(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct reads_ctx *rc = data;
	struct pred_local *p;
	CXCursor ref;

	(void)parent;
	/* a field may change behind the engine's back (a callee writes it
	 * through a pointer): scalars only */
	if (kind_of(c) == CXCursor_MemberRefExpr ||
	    kind_of(c) == CXCursor_ArraySubscriptExpr) {
		rc->ok = false;
		return CXChildVisit_Break;
	}
	if (kind_of(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	ref = clang_getCursorReferenced(c);
	if (kind_of(ref) != CXCursor_VarDecl && kind_of(ref) != CXCursor_ParmDecl)
		return CXChildVisit_Continue;
	p = pred_find(rc->ps->v, rc->ps->n, ref);
	if (!var_automatic(ref) || (p && (p->bad || p->off >= rc->off))) {
		rc->ok = false;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

void lower_pred_locals(struct lower *L, CXCursor body)
{
	struct pred_scan ps = { 0 };
	int i, n = 0;

	clang_visitChildren(body, scan_visit, &ps);
	for (i = 0; i < ps.n; i++) {
		struct pred_local *p = &ps.v[i];
		struct reads_ctx rc = { &ps, p->off, true };

		if (p->bad || p->n != 1 || kind_of(p->var) != CXCursor_VarDecl ||
		    !var_automatic(p->var) || !flag_test(p->rhs, 0) ||
		    !pure(p->rhs, false, 0))
			continue;
		clang_visitChildren(p->rhs, reads_visit, &rc);
		if (!rc.ok)
			continue;
		ps.v[n++] = *p;
	}
	if (!n) {
		free(ps.v);
		return;
	}
	L->preds = ps.v;
	L->npreds = n;
}

/* A condition that reads a predicate local after its assignment: the
 * test it holds. */
bool lower_pred_local_cond(struct lower *L, CXCursor c, int t, int f)
{
	struct pred_local *p = pred_find(L->preds, L->npreds,
					 clang_getCursorReferenced(c));
	bool had_at = L->at_set;

	if (!p || L->nsub || cursor_off(c) <= p->off)
		return false;
	if (!had_at) {
		L->at_set = true;
		L->at = c;
	}
	lower_cond(L, p->rhs, t, f);
	L->at_set = had_at;
	return true;
}

void lower_pred_locals_free(struct lower *L)
{
	free(L->preds);
	L->preds = NULL;
	L->npreds = 0;
}
