// SPDX-License-Identifier: GPL-2.0
/*
 * libclang AST -> function CFG.
 *
 * The cursors we see are after preprocessing: spin_lock_irqsave() is a call
 * to _raw_spin_lock_irqsave(), WARN_ON(x) is a statement expression with an
 * if inside, memcpy() under FORTIFY_SOURCE is a statement expression ending
 * in __builtin_memcpy().  Lowering them faithfully is what lets the engine
 * understand the kernel's macros without a list of their names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../util/arena.h"
#include "../util/strvec.h"

#define MAX_BLOCKS	20000
#define MAX_DEPTH	400

struct kids {
	CXCursor *v;
	int n;
	int alloc;
};

struct label {
	char *name;
	int block;
};

struct var_key {
	CXCursor decl;
	unsigned hash;
	int var;
};

struct switch_ctx {
	CXCursor *cases;	/* CaseStmt/DefaultStmt cursors, in order */
	int *blocks;
	int n;
	int alloc;
};

struct lower {
	CXTranslationUnit tu;
	struct ir_func *fn;
	struct arena *ar;
	int cur;
	int brk;
	int cont;
	struct switch_ctx *sw;
	struct label *labels;
	int nlabels;
	struct var_key *vkeys;
	int nvkeys;
	int depth;
	int nblocks_alloc;
	int nvars_alloc;
	bool failed;
};

/* ---- cursors ---- */

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct kids *k = data;

	(void)parent;
	if (clang_isAttribute(clang_getCursorKind(c)))
		return CXChildVisit_Continue;
	if (k->n == k->alloc) {
		k->alloc = k->alloc ? k->alloc * 2 : 8;
		k->v = xrealloc(k->v, k->alloc * sizeof(*k->v));
	}
	k->v[k->n++] = c;
	return CXChildVisit_Continue;
}

static void get_kids(CXCursor c, struct kids *k)
{
	k->v = NULL;
	k->n = 0;
	k->alloc = 0;
	clang_visitChildren(c, collect, k);
}

static void free_kids(struct kids *k)
{
	free(k->v);
}

static enum CXCursorKind kind_of(CXCursor c)
{
	return clang_getCursorKind(c);
}

static bool type_is_ptr(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_Pointer || t.kind == CXType_BlockPointer;
}

static bool type_is_array(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_ConstantArray ||
	       t.kind == CXType_IncompleteArray ||
	       t.kind == CXType_VariableArray ||
	       t.kind == CXType_DependentSizedArray;
}

static bool type_is_int(CXType t)
{
	t = clang_getCanonicalType(t);
	return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) ||
	       t.kind == CXType_Enum;
}

static bool cursor_is_ptr(CXCursor c)
{
	return type_is_ptr(clang_getCursorType(c));
}

/* void *, char *, u8 *: p + n moves by bytes (netdev_priv()), not by
 * elements */
static bool byte_pointee(CXType t)
{
	CXType p = clang_getCanonicalType(clang_getPointeeType(
			clang_getCanonicalType(t)));

	return p.kind == CXType_Void || clang_Type_getSizeOf(p) == 1;
}

/* unsigned long and friends: what __get_free_pages() returns */
static bool cursor_is_long(CXCursor c)
{
	CXType t = clang_getCursorType(c);

	return type_is_int(t) &&
	       clang_Type_getSizeOf(clang_getCanonicalType(t)) ==
	       (long long)sizeof(void *);
}

/* Look through parentheses and implicit casts (UnexposedExpr, one child). */
static CXCursor strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = kind_of(c);
		struct kids kk;

		if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
			return c;
		get_kids(c, &kk);
		if (kk.n != 1 || !clang_isExpression(kind_of(kk.v[0]))) {
			free_kids(&kk);
			return c;
		}
		c = kk.v[0];
		free_kids(&kk);
	}
}

static bool eval_int(CXCursor c, int64_t *out)
{
	CXEvalResult r;
	bool ok = false;

	if (!type_is_int(clang_getCursorType(c)))
		return false;
	r = clang_Cursor_Evaluate(c);
	if (!r)
		return false;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(r))
			*out = (int64_t)clang_EvalResult_getAsUnsigned(r);
		else
			*out = clang_EvalResult_getAsLongLong(r);
		ok = true;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

static char *spelling(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	char *r = xstrdup(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

struct ir_loc ir_cursor_loc(CXCursor c, const char **file_out)
{
	CXSourceLocation sl = clang_getCursorLocation(c);
	struct ir_loc loc;
	CXFile file;
	unsigned line, col;

	clang_getFileLocation(sl, &file, &line, &col, NULL);
	loc.line = line;
	loc.col = col;
	if (file_out) {
		static char buf[4096];
		CXString s = clang_getFileName(file);
		const char *n = clang_getCString(s);

		snprintf(buf, sizeof(buf), "%s", n ? n : "");
		clang_disposeString(s);
		*file_out = buf;
	}
	return loc;
}

/* ---- IR construction ---- */

static int new_block(struct lower *L)
{
	struct ir_func *fn = L->fn;
	struct ir_block *b;

	if (fn->nblocks >= MAX_BLOCKS) {
		L->failed = true;
		return 0;
	}
	if (fn->nblocks == L->nblocks_alloc) {
		L->nblocks_alloc = L->nblocks_alloc ? L->nblocks_alloc * 2 : 32;
		fn->blocks = xrealloc(fn->blocks,
				      L->nblocks_alloc * sizeof(*fn->blocks));
	}
	b = &fn->blocks[fn->nblocks];
	memset(b, 0, sizeof(*b));
	b->id = fn->nblocks;
	b->succ[0] = b->succ[1] = -1;
	return fn->nblocks++;
}

static struct ir_insn *add_insn(struct lower *L, enum insn_kind kind,
				struct ir_loc loc)
{
	struct ir_block *b = &L->fn->blocks[L->cur];
	struct ir_insn *i;

	if (b->term != T_NONE) {
		/* dead code after a jump: give it a block of its own */
		L->cur = new_block(L);
		b = &L->fn->blocks[L->cur];
	}
	if (b->ninsns == b->nalloc) {
		b->nalloc = b->nalloc ? b->nalloc * 2 : 8;
		b->insns = xrealloc(b->insns, b->nalloc * sizeof(*b->insns));
	}
	i = &b->insns[b->ninsns++];
	memset(i, 0, sizeof(*i));
	i->kind = kind;
	i->loc = loc;
	return i;
}

static void term_goto(struct lower *L, int target)
{
	struct ir_block *b = &L->fn->blocks[L->cur];

	if (b->term != T_NONE)
		return;
	b->term = T_GOTO;
	b->succ[0] = target;
}

static void term_branch(struct lower *L, struct ir_expr *cond, int t, int f,
			struct ir_loc loc)
{
	struct ir_block *b = &L->fn->blocks[L->cur];

	if (b->term != T_NONE)
		return;
	b->term = T_BRANCH;
	b->cond = cond;
	b->succ[0] = t;
	b->succ[1] = f;
	b->term_loc = loc;
}

/* End the current block with terminator kind, continue in a fresh one. */
static void term_exit(struct lower *L, enum term_kind kind,
		      struct ir_expr *ret, struct ir_loc loc)
{
	struct ir_block *b = &L->fn->blocks[L->cur];

	if (b->term == T_NONE) {
		b->term = kind;
		b->ret = ret;
		b->term_loc = loc;
	}
	L->cur = new_block(L);
}

static void jump_to(struct lower *L, int target)
{
	term_goto(L, target);
	L->cur = new_block(L);
}

static struct ir_expr *mk(struct lower *L, enum ex_kind kind, CXCursor c)
{
	struct ir_expr *e = arena_alloc(L->ar, sizeof(*e));

	e->kind = kind;
	e->loc = ir_cursor_loc(c, NULL);
	if (!clang_Cursor_isNull(c) && clang_isExpression(kind_of(c))) {
		e->is_ptr = cursor_is_ptr(c);
		e->is_long = !e->is_ptr && cursor_is_long(c);
		e->is_record = clang_getCanonicalType(clang_getCursorType(c)).kind ==
			       CXType_Record;
		e->is_byte_ptr = e->is_ptr && byte_pointee(clang_getCursorType(c));
	}
	return e;
}

static struct ir_expr *mk_const(struct lower *L, int64_t v, CXCursor c)
{
	struct ir_expr *e = mk(L, EX_CONST, c);

	e->ival = v;
	e->is_ptr = false;
	return e;
}

static struct ir_expr *mk_var(struct lower *L, int var, CXCursor c)
{
	struct ir_expr *e = mk(L, EX_VAR, c);

	e->var = var;
	e->is_ptr = L->fn->vars[var].is_ptr;
	e->is_long = L->fn->vars[var].is_long;
	return e;
}

static int add_var(struct lower *L, const char *name, enum var_kind kind,
		   bool is_ptr)
{
	struct ir_func *fn = L->fn;
	struct ir_var *v;

	if (fn->nvars == L->nvars_alloc) {
		L->nvars_alloc = L->nvars_alloc ? L->nvars_alloc * 2 : 16;
		fn->vars = xrealloc(fn->vars, L->nvars_alloc * sizeof(*fn->vars));
	}
	v = &fn->vars[fn->nvars];
	v->name = arena_strdup(L->ar, name);
	v->gname = v->name;
	v->kind = kind;
	v->param = -1;
	v->is_ptr = is_ptr;
	v->is_long = false;
	return fn->nvars++;
}

static int new_temp(struct lower *L, bool is_ptr)
{
	char name[32];

	snprintf(name, sizeof(name), "$t%d", L->fn->nvars);
	return add_var(L, name, VAR_TEMP, is_ptr);
}

static int map_var(struct lower *L, CXCursor decl)
{
	unsigned h = clang_hashCursor(decl);
	enum CX_StorageClass sc;
	enum var_kind kind;
	char *name;
	int i, v;

	for (i = 0; i < L->nvkeys; i++)
		if (L->vkeys[i].hash == h &&
		    clang_equalCursors(L->vkeys[i].decl, decl))
			return L->vkeys[i].var;
	name = spelling(decl);
	sc = clang_Cursor_getStorageClass(decl);
	if (kind_of(decl) == CXCursor_ParmDecl)
		kind = VAR_PARAM;
	else if (clang_getCursorSemanticParent(decl).kind !=
		 CXCursor_FunctionDecl || sc == CX_SC_Static ||
		 sc == CX_SC_Extern)
		kind = VAR_GLOBAL;
	else
		kind = VAR_LOCAL;
	v = add_var(L, name, kind, cursor_is_ptr(decl));
	L->fn->vars[v].is_long = !L->fn->vars[v].is_ptr && cursor_is_long(decl);
	if (kind == VAR_GLOBAL &&
	    clang_getCursorSemanticParent(decl).kind == CXCursor_FunctionDecl) {
		/* a static local: one per function, not one per name */
		char *g = xstrfmt("%s::%s", L->fn->name, name);

		L->fn->vars[v].gname = arena_strdup(L->ar, g);
		free(g);
	}
	free(name);
	if (L->nvkeys % 16 == 0)
		L->vkeys = xrealloc(L->vkeys, (L->nvkeys + 16) * sizeof(*L->vkeys));
	L->vkeys[L->nvkeys].decl = decl;
	L->vkeys[L->nvkeys].hash = h;
	L->vkeys[L->nvkeys].var = v;
	L->nvkeys++;
	return v;
}

static int label_block(struct lower *L, const char *name)
{
	int i;

	for (i = 0; i < L->nlabels; i++)
		if (!strcmp(L->labels[i].name, name))
			return L->labels[i].block;
	L->labels = xrealloc(L->labels, (L->nlabels + 1) * sizeof(*L->labels));
	L->labels[L->nlabels].name = xstrdup(name);
	L->labels[L->nlabels].block = new_block(L);
	return L->labels[L->nlabels++].block;
}

/* ---- expressions ---- */

static struct ir_expr *lower_expr(struct lower *L, CXCursor c);
static void lower_stmt(struct lower *L, CXCursor c);
static bool is_assign_like(CXCursor c);
static void lower_cond(struct lower *L, CXCursor c, int t, int f);
static struct ir_expr *lower_call(struct lower *L, CXCursor c,
				  struct ir_expr *dest);

static void emit_assign(struct lower *L, struct ir_expr *lhs,
			struct ir_expr *rhs, CXCursor at)
{
	struct ir_insn *i = add_insn(L, I_ASSIGN, ir_cursor_loc(at, NULL));

	i->lhs = lhs;
	i->rhs = rhs;
}

static void emit_use(struct lower *L, struct ir_expr *e, CXCursor at)
{
	struct ir_insn *i;

	if (!e || e->kind == EX_UNKNOWN || e->kind == EX_CONST ||
	    e->kind == EX_VAR || e->kind == EX_STR)
		return;
	i = add_insn(L, I_USE, ir_cursor_loc(at, NULL));
	i->rhs = e;
}

/* Lower every expression child for its side effects. */
static void lower_kids_effects(struct lower *L, CXCursor c)
{
	struct kids k;
	int i;

	get_kids(c, &k);
	for (i = 0; i < k.n; i++) {
		enum CXCursorKind kk = kind_of(k.v[i]);

		if (clang_isExpression(kk))
			emit_use(L, lower_expr(L, k.v[i]), k.v[i]);
		else if (clang_isStatement(kk))
			lower_stmt(L, k.v[i]);
	}
	free_kids(&k);
}

static bool last_expr_kid(CXCursor c, CXCursor *out)
{
	struct kids k;
	bool found = false;
	int i;

	get_kids(c, &k);
	for (i = k.n - 1; i >= 0; i--) {
		if (clang_isExpression(kind_of(k.v[i]))) {
			*out = k.v[i];
			found = true;
			break;
		}
	}
	free_kids(&k);
	return found;
}

/*
 * ({ s1; s2; e; }): lower the statements, return the last expression
 * child (not yet lowered) through *last, or false if there is none.
 */
static bool lower_stmt_expr_body(struct lower *L, CXCursor c, CXCursor *last)
{
	struct kids k, body;
	bool have = false;
	int i;

	get_kids(c, &k);
	if (k.n != 1 || kind_of(k.v[0]) != CXCursor_CompoundStmt) {
		free_kids(&k);
		return false;
	}
	get_kids(k.v[0], &body);
	for (i = 0; i < body.n; i++) {
		if (i == body.n - 1 && clang_isExpression(kind_of(body.v[i]))) {
			*last = body.v[i];
			have = true;
			break;
		}
		lower_stmt(L, body.v[i]);
	}
	free_kids(&body);
	free_kids(&k);
	return have;
}

static int cmp_op(enum CXBinaryOperatorKind op)
{
	switch (op) {
	case CXBinaryOperator_EQ: return CMP_EQ;
	case CXBinaryOperator_NE: return CMP_NE;
	case CXBinaryOperator_LT: return CMP_LT;
	case CXBinaryOperator_GT: return CMP_GT;
	case CXBinaryOperator_LE: return CMP_LE;
	case CXBinaryOperator_GE: return CMP_GE;
	default: return -1;
	}
}

static int arith_op(enum CXBinaryOperatorKind op)
{
	switch (op) {
	case CXBinaryOperator_Add: case CXBinaryOperator_AddAssign:
		return AR_ADD;
	case CXBinaryOperator_Sub: case CXBinaryOperator_SubAssign:
		return AR_SUB;
	case CXBinaryOperator_Mul: case CXBinaryOperator_MulAssign:
		return AR_MUL;
	case CXBinaryOperator_Div: case CXBinaryOperator_DivAssign:
		return AR_DIV;
	case CXBinaryOperator_Rem: case CXBinaryOperator_RemAssign:
		return AR_REM;
	case CXBinaryOperator_And: case CXBinaryOperator_AndAssign:
		return AR_AND;
	case CXBinaryOperator_Or: case CXBinaryOperator_OrAssign:
		return AR_OR;
	case CXBinaryOperator_Xor: case CXBinaryOperator_XorAssign:
		return AR_XOR;
	case CXBinaryOperator_Shl: case CXBinaryOperator_ShlAssign:
		return AR_SHL;
	case CXBinaryOperator_Shr: case CXBinaryOperator_ShrAssign:
		return AR_SHR;
	default:
		return AR_OTHER;
	}
}

/* && || ?: in value context: a temporary set on each branch. */
static struct ir_expr *lower_logical_value(struct lower *L, CXCursor c)
{
	int t = new_temp(L, false);
	int bt = new_block(L), bf = new_block(L), join = new_block(L);

	lower_cond(L, c, bt, bf);
	L->cur = bt;
	emit_assign(L, mk_var(L, t, c), mk_const(L, 1, c), c);
	term_goto(L, join);
	L->cur = bf;
	emit_assign(L, mk_var(L, t, c), mk_const(L, 0, c), c);
	term_goto(L, join);
	L->cur = join;
	return mk_var(L, t, c);
}

static struct ir_expr *lower_conditional_value(struct lower *L, CXCursor c)
{
	struct kids k;
	struct ir_expr *v;
	int t, bt, bf, join;

	get_kids(c, &k);
	if (k.n != 3) {
		free_kids(&k);
		lower_kids_effects(L, c);
		return mk(L, EX_UNKNOWN, c);
	}
	t = new_temp(L, cursor_is_ptr(c));
	bt = new_block(L);
	bf = new_block(L);
	join = new_block(L);
	lower_cond(L, k.v[0], bt, bf);
	L->cur = bt;
	v = lower_expr(L, k.v[1]);
	emit_assign(L, mk_var(L, t, c), v, k.v[1]);
	term_goto(L, join);
	L->cur = bf;
	v = lower_expr(L, k.v[2]);
	emit_assign(L, mk_var(L, t, c), v, k.v[2]);
	term_goto(L, join);
	L->cur = join;
	free_kids(&k);
	return mk_var(L, t, c);
}

static struct ir_expr *lower_binop(struct lower *L, CXCursor c)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	struct ir_expr *a, *b, *e;
	struct kids k;
	int64_t v;

	if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr)
		return lower_logical_value(L, c);
	get_kids(c, &k);
	if (k.n != 2) {
		free_kids(&k);
		lower_kids_effects(L, c);
		return mk(L, EX_UNKNOWN, c);
	}
	if (op == CXBinaryOperator_Assign) {
		CXCursor rhs = strip(k.v[1]);

		a = lower_expr(L, k.v[0]);
		if (kind_of(rhs) == CXCursor_CallExpr) {
			lower_call(L, rhs, a);
		} else {
			b = lower_expr(L, k.v[1]);
			emit_assign(L, a, b, c);
		}
		free_kids(&k);
		return a;
	}
	if (op == CXBinaryOperator_Comma) {
		emit_use(L, lower_expr(L, k.v[0]), k.v[0]);
		e = lower_expr(L, k.v[1]);
		free_kids(&k);
		return e;
	}
	if (op >= CXBinaryOperator_MulAssign && op <= CXBinaryOperator_OrAssign) {
		a = lower_expr(L, k.v[0]);
		b = lower_expr(L, k.v[1]);
		e = mk(L, EX_ARITH, c);
		e->op = arith_op(op);
		e->a = a;
		e->b = b;
		emit_assign(L, a, e, c);
		free_kids(&k);
		return a;
	}
	if (op != CXBinaryOperator_Comma && eval_int(c, &v)) {
		free_kids(&k);
		return mk_const(L, v, c);
	}
	a = lower_expr(L, k.v[0]);
	b = lower_expr(L, k.v[1]);
	free_kids(&k);
	if (cmp_op(op) >= 0) {
		e = mk(L, EX_CMP, c);
		e->op = cmp_op(op);
	} else {
		e = mk(L, EX_ARITH, c);
		e->op = arith_op(op);
	}
	e->a = a;
	e->b = b;
	return e;
}

static struct ir_expr *lower_unop(struct lower *L, CXCursor c)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
	struct ir_expr *a, *e;
	struct kids k;
	int64_t v;

	get_kids(c, &k);
	if (k.n != 1) {
		free_kids(&k);
		lower_kids_effects(L, c);
		return mk(L, EX_UNKNOWN, c);
	}
	if (op != CXUnaryOperator_PostInc && op != CXUnaryOperator_PostDec &&
	    op != CXUnaryOperator_PreInc && op != CXUnaryOperator_PreDec &&
	    op != CXUnaryOperator_Deref && op != CXUnaryOperator_AddrOf &&
	    eval_int(c, &v)) {
		free_kids(&k);
		return mk_const(L, v, c);
	}
	a = lower_expr(L, k.v[0]);
	free_kids(&k);
	switch (op) {
	case CXUnaryOperator_PostInc: case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec:
		e = mk(L, EX_ARITH, c);
		e->op = (op == CXUnaryOperator_PostInc ||
			 op == CXUnaryOperator_PreInc) ? AR_ADD : AR_SUB;
		e->a = a;
		e->b = mk_const(L, 1, c);
		emit_assign(L, a, e, c);
		return a;
	case CXUnaryOperator_Deref:
		e = mk(L, EX_DEREF, c);
		e->a = a;
		return e;
	case CXUnaryOperator_AddrOf:
		if (a->kind == EX_FUNC)	/* &fn is fn */
			return a;
		e = mk(L, EX_ADDR, c);
		e->a = a;
		e->is_ptr = true;
		return e;
	case CXUnaryOperator_LNot:
		e = mk(L, EX_NOT, c);
		e->a = a;
		return e;
	case CXUnaryOperator_Minus:
	case CXUnaryOperator_Not:
		e = mk(L, EX_ARITH, c);
		e->op = op == CXUnaryOperator_Minus ? AR_NEG : AR_BITNOT;
		e->a = a;
		return e;
	case CXUnaryOperator_Plus:
	case CXUnaryOperator_Extension:
		return a;
	default:
		return mk(L, EX_UNKNOWN, c);
	}
}

/*
 * The record a member access reads from: "struct foo" for p->f with
 * p a struct foo *, or s.f with s a struct foo.  Field facts across
 * functions are keyed by it, so every access to the field agrees.
 */
static const char *record_name(struct lower *L, CXType t, bool arrow)
{
	CXString s;
	const char *r;

	t = clang_getCanonicalType(t);
	if (arrow)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	t = clang_getUnqualifiedType(t);
	s = clang_getTypeSpelling(t);
	r = arena_strdup(L->ar, clang_getCString(s));
	clang_disposeString(s);
	return r;
}

static struct ir_expr *lower_member(struct lower *L, CXCursor c)
{
	struct ir_expr *e;
	CXCursor base;
	char *field;

	if (!last_expr_kid(c, &base))
		return mk(L, EX_UNKNOWN, c);
	e = mk(L, EX_MEMBER, c);
	e->a = lower_expr(L, base);
	e->arrow = cursor_is_ptr(base);
	field = spelling(c);
	e->field = arena_strdup(L->ar, field);
	free(field);
	e->rec = record_name(L, clang_getCursorType(base), e->arrow);
	return e;
}

static struct ir_expr *lower_index(struct lower *L, CXCursor c)
{
	struct ir_expr *e;
	struct kids k;
	CXCursor base;

	get_kids(c, &k);
	if (k.n != 2) {
		free_kids(&k);
		lower_kids_effects(L, c);
		return mk(L, EX_UNKNOWN, c);
	}
	e = mk(L, EX_INDEX, c);
	base = strip(k.v[0]);
	/* an array member decays to a pointer: indexing it is no deref */
	e->base_is_ptr = !type_is_array(clang_getCursorType(base));
	e->a = lower_expr(L, k.v[0]);
	e->b = lower_expr(L, k.v[1]);
	free_kids(&k);
	return e;
}

static struct ir_expr *lower_declref(struct lower *L, CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);

	switch (kind_of(ref)) {
	case CXCursor_VarDecl:
	case CXCursor_ParmDecl:
		return mk_var(L, map_var(L, ref), c);
	case CXCursor_EnumConstantDecl:
		return mk_const(L, clang_getEnumConstantDeclValue(ref), c);
	case CXCursor_FunctionDecl: {
		struct ir_expr *e = mk(L, EX_FUNC, c);
		char *name = spelling(ref);

		e->field = arena_strdup(L->ar, name);
		free(name);
		e->is_ptr = true;
		return e;
	}
	default:
		return mk(L, EX_UNKNOWN, c);
	}
}

/* A type or member named as an operand (offsetof, type traits): the
 * expressions beside it sit in typeof() and are not evaluated. */
static bool has_type_operand(const struct kids *k)
{
	int i;

	for (i = 0; i < k->n; i++) {
		enum CXCursorKind kk = kind_of(k->v[i]);

		if (kk == CXCursor_TypeRef || kk == CXCursor_MemberRef)
			return true;
	}
	return false;
}

/* (typeof(*p)){ ... }: only the initialiser list is evaluated. */
static struct ir_expr *lower_compound_literal(struct lower *L, CXCursor c)
{
	struct kids k;
	int i;

	get_kids(c, &k);
	for (i = 0; i < k.n; i++)
		if (kind_of(k.v[i]) == CXCursor_InitListExpr)
			lower_kids_effects(L, k.v[i]);
	free_kids(&k);
	return mk(L, EX_UNKNOWN, c);
}

static struct ir_expr *lower_expr(struct lower *L, CXCursor c)
{
	enum CXCursorKind k = kind_of(c);
	struct ir_expr *e;
	CXCursor inner;
	int64_t v;

	if (L->failed || ++L->depth > MAX_DEPTH) {
		L->failed = true;
		L->depth--;
		return mk(L, EX_UNKNOWN, c);
	}
	switch (k) {
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr: {
		struct kids kk;

		get_kids(c, &kk);
		if (kk.n == 1 && clang_isExpression(kind_of(kk.v[0]))) {
			e = lower_expr(L, kk.v[0]);
		} else if (eval_int(c, &v)) {
			/* offsetof(typeof(*p), f), __builtin_types_compatible_p:
			 * their operands are never evaluated */
			e = mk_const(L, v, c);
		} else if (has_type_operand(&kk)) {
			e = mk(L, EX_UNKNOWN, c);
		} else {
			free_kids(&kk);
			lower_kids_effects(L, c);
			e = mk(L, EX_UNKNOWN, c);
			break;
		}
		free_kids(&kk);
		break;
	}
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
		e = eval_int(c, &v) ? mk_const(L, v, c) : mk(L, EX_UNKNOWN, c);
		break;
	case CXCursor_StringLiteral:
		e = mk(L, EX_STR, c);
		e->is_ptr = true;
		break;
	case CXCursor_DeclRefExpr:
		e = lower_declref(L, c);
		break;
	case CXCursor_MemberRefExpr:
		e = lower_member(L, c);
		break;
	case CXCursor_ArraySubscriptExpr:
		e = lower_index(L, c);
		break;
	case CXCursor_UnaryOperator:
		e = lower_unop(L, c);
		break;
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		e = lower_binop(L, c);
		break;
	case CXCursor_ConditionalOperator:
		e = lower_conditional_value(L, c);
		break;
	case CXCursor_CallExpr:
		e = lower_call(L, c, NULL);
		break;
	case CXCursor_CStyleCastExpr:
		if (last_expr_kid(c, &inner)) {
			e = lower_expr(L, inner);
			if (e->kind == EX_CONST && cursor_is_ptr(c))
				e->is_ptr = true;
			/* (void *)p + n counts bytes whatever p points to */
			if (cursor_is_ptr(c))
				e->is_byte_ptr = byte_pointee(clang_getCursorType(c));
		} else {
			e = mk(L, EX_UNKNOWN, c);
		}
		break;
	case CXCursor_StmtExpr:
		if (lower_stmt_expr_body(L, c, &inner))
			e = lower_expr(L, inner);
		else
			e = mk(L, EX_UNKNOWN, c);
		break;
	case CXCursor_CompoundLiteralExpr:
		e = lower_compound_literal(L, c);
		break;
	case CXCursor_UnaryExpr:	/* sizeof, alignof: operand not evaluated */
	case CXCursor_GenericSelectionExpr:
		e = eval_int(c, &v) ? mk_const(L, v, c) : mk(L, EX_UNKNOWN, c);
		break;
	default:
		if (eval_int(c, &v)) {
			e = mk_const(L, v, c);
		} else {
			lower_kids_effects(L, c);
			e = mk(L, EX_UNKNOWN, c);
		}
		break;
	}
	L->depth--;
	return e;
}

static struct ir_expr *lower_call(struct lower *L, CXCursor c,
				  struct ir_expr *dest)
{
	CXCursor ref = clang_getCursorReferenced(c);
	struct ir_call *call;
	struct ir_insn *insn;
	CXType rt = clang_getCursorType(c);
	int i, n;
	int64_t v;

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

static void lower_cond(struct lower *L, CXCursor c, int t, int f)
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
	} else if (k == CXCursor_CallExpr) {
		CXCursor ref = clang_getCursorReferenced(s);
		char *name = kind_of(ref) == CXCursor_FunctionDecl ?
			     spelling(ref) : NULL;

		/* likely()/unlikely(): __builtin_expect(!!(x), v) */
		if (name && !strcmp(name, "__builtin_expect") &&
		    clang_Cursor_getNumArguments(s) == 2) {
			free(name);
			lower_cond(L, clang_Cursor_getArgument(s, 0), t, f);
			goto out;
		}
		free(name);
	}
	term_branch(L, lower_expr(L, c), t, f, ir_cursor_loc(c, NULL));
out:
	L->depth--;
}

/* ---- statements ---- */

static void lower_vardecl(struct lower *L, CXCursor d)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);
	CXCursor init;
	struct ir_expr *lhs;
	int var;

	if (sc == CX_SC_Static || sc == CX_SC_Extern)
		return;
	var = map_var(L, d);
	lhs = mk_var(L, var, d);
	init = clang_Cursor_getVarDeclInitializer(d);
	if (clang_Cursor_isNull(init)) {
		emit_assign(L, lhs, mk(L, EX_UNKNOWN, d), d);
		return;
	}
	if (kind_of(strip(init)) == CXCursor_CallExpr) {
		lower_call(L, strip(init), lhs);
		return;
	}
	emit_assign(L, lhs, lower_expr(L, init), d);
}

static bool is_assign_like(CXCursor c)
{
	enum CXCursorKind k;

	c = strip(c);
	k = kind_of(c);
	if (k == CXCursor_CompoundAssignOperator || k == CXCursor_DeclStmt)
		return true;
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);

		return op == CXBinaryOperator_Assign ||
		       op == CXBinaryOperator_Comma;
	}
	if (k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);

		return op == CXUnaryOperator_PostInc ||
		       op == CXUnaryOperator_PostDec ||
		       op == CXUnaryOperator_PreInc ||
		       op == CXUnaryOperator_PreDec;
	}
	return false;
}

static bool is_plain_assign(CXCursor c)
{
	c = strip(c);
	if (kind_of(c) == CXCursor_DeclStmt)
		return true;
	return kind_of(c) == CXCursor_BinaryOperator &&
	       clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign;
}

static unsigned cursor_offset(CXCursor c)
{
	unsigned off;

	clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)),
			      NULL, NULL, NULL, &off);
	return off;
}

/*
 * libclang gives a ForStmt's init, cond and inc as children only when they
 * are present.  Place them by the offsets of the two ';' of the header when
 * the loop is written out, by their shape when it comes from a macro
 * (list_for_each_entry() and friends have all three anyway).
 */
static void for_roles(struct lower *L, CXCursor c, struct kids *k,
		      int *init, int *cond, int *inc)
{
	int nh = k->n - 1, i;
	CXToken *toks = NULL;
	unsigned ntoks = 0, semi[2] = { 0, 0 }, nsemi = 0;

	*init = *cond = *inc = -1;
	if (nh == 3) {
		*init = 0;
		*cond = 1;
		*inc = 2;
		return;
	}
	if (nh <= 0)
		return;
	clang_tokenize(L->tu, clang_getCursorExtent(c), &toks, &ntoks);
	if (ntoks > 2) {
		CXString s = clang_getTokenSpelling(L->tu, toks[0]);
		bool is_for = !strcmp(clang_getCString(s), "for");
		int depth = 0;
		unsigned j;

		clang_disposeString(s);
		for (j = 1; is_for && j < ntoks && nsemi < 2; j++) {
			CXString t = clang_getTokenSpelling(L->tu, toks[j]);
			const char *ts = clang_getCString(t);

			if (!strcmp(ts, "(") || !strcmp(ts, "[") || !strcmp(ts, "{"))
				depth++;
			else if (!strcmp(ts, ")") || !strcmp(ts, "]") || !strcmp(ts, "}"))
				depth--;
			else if (!strcmp(ts, ";") && depth == 1)
				clang_getFileLocation(clang_getTokenLocation(L->tu, toks[j]),
						      NULL, NULL, NULL, &semi[nsemi++]);
			clang_disposeString(t);
		}
	}
	if (toks)
		clang_disposeTokens(L->tu, toks, ntoks);
	if (nsemi == 2) {
		for (i = 0; i < nh; i++) {
			unsigned off = cursor_offset(k->v[i]);

			if (off < semi[0])
				*init = i;
			else if (off < semi[1])
				*cond = i;
			else
				*inc = i;
		}
		return;
	}
	/* from a macro: guess by shape */
	for (i = 0; i < nh; i++)
		if (!is_assign_like(k->v[i]) && *cond < 0)
			*cond = i;
	for (i = 0; i < nh; i++) {
		if (i == *cond)
			continue;
		if (*cond >= 0)
			*(i < *cond ? init : inc) = i;
		else if (nh == 2)
			*(i == 0 ? init : inc) = i;
		else
			*(is_plain_assign(k->v[i]) ? init : inc) = i;
	}
}

static void lower_loop_body(struct lower *L, CXCursor body, int brk, int cont)
{
	int ob = L->brk, oc = L->cont;

	L->brk = brk;
	L->cont = cont;
	lower_stmt(L, body);
	L->brk = ob;
	L->cont = oc;
}

static void lower_for(struct lower *L, CXCursor c)
{
	struct kids k;
	int init, cond, inc, head, body, step, exit;

	get_kids(c, &k);
	if (k.n < 1) {
		free_kids(&k);
		return;
	}
	for_roles(L, c, &k, &init, &cond, &inc);
	if (init >= 0)
		lower_stmt(L, k.v[init]);
	head = new_block(L);
	body = new_block(L);
	step = new_block(L);
	exit = new_block(L);
	term_goto(L, head);
	L->cur = head;
	if (cond >= 0)
		lower_cond(L, k.v[cond], body, exit);
	else
		term_goto(L, body);
	L->cur = body;
	lower_loop_body(L, k.v[k.n - 1], exit, step);
	term_goto(L, step);
	L->cur = step;
	if (inc >= 0)
		lower_stmt(L, k.v[inc]);
	term_goto(L, head);
	L->cur = exit;
	free_kids(&k);
}

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

static void lower_switch(struct lower *L, CXCursor c)
{
	struct switch_ctx sw = { 0 }, *osw = L->sw;
	struct ir_expr *val;
	struct kids k;
	int i, exit, dflt = -1, ob = L->brk;

	get_kids(c, &k);
	if (k.n < 2) {
		free_kids(&k);
		return;
	}
	val = lower_expr(L, k.v[k.n - 2]);
	if (val->kind != EX_VAR && val->kind != EX_CONST) {
		int t = new_temp(L, false);

		emit_assign(L, mk_var(L, t, c), val, c);
		val = mk_var(L, t, c);
	}
	collect_cases(L, k.v[k.n - 1], &sw);
	exit = new_block(L);
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
		} else {
			cond = mk(L, EX_UNKNOWN, sw.cases[i]);
		}
		free_kids(&ck);
		next = new_block(L);
		term_branch(L, cond, sw.blocks[i], next,
			    ir_cursor_loc(sw.cases[i], NULL));
		L->cur = next;
	}
	term_goto(L, dflt >= 0 ? dflt : exit);
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

static void lower_case(struct lower *L, CXCursor c)
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

static void lower_if(struct lower *L, CXCursor c)
{
	struct kids k;
	int bt, bf, join;

	get_kids(c, &k);
	if (k.n < 2) {
		free_kids(&k);
		return;
	}
	bt = new_block(L);
	join = new_block(L);
	bf = k.n >= 3 ? new_block(L) : join;
	lower_cond(L, k.v[k.n >= 3 ? k.n - 3 : k.n - 2], bt, bf);
	L->cur = bt;
	lower_stmt(L, k.v[k.n >= 3 ? k.n - 2 : k.n - 1]);
	term_goto(L, join);
	if (k.n >= 3) {
		L->cur = bf;
		lower_stmt(L, k.v[k.n - 1]);
		term_goto(L, join);
	}
	L->cur = join;
	free_kids(&k);
}

static void lower_stmt(struct lower *L, CXCursor c)
{
	enum CXCursorKind k = kind_of(c);
	struct kids kk;
	int i;

	if (L->failed || ++L->depth > MAX_DEPTH) {
		L->failed = true;
		L->depth--;
		return;
	}
	switch (k) {
	case CXCursor_CompoundStmt:
		get_kids(c, &kk);
		for (i = 0; i < kk.n; i++)
			lower_stmt(L, kk.v[i]);
		free_kids(&kk);
		break;
	case CXCursor_DeclStmt:
		get_kids(c, &kk);
		for (i = 0; i < kk.n; i++)
			if (kind_of(kk.v[i]) == CXCursor_VarDecl)
				lower_vardecl(L, kk.v[i]);
		free_kids(&kk);
		break;
	case CXCursor_IfStmt:
		lower_if(L, c);
		break;
	case CXCursor_WhileStmt: {
		int head = new_block(L), body = new_block(L), exit = new_block(L);

		get_kids(c, &kk);
		term_goto(L, head);
		L->cur = head;
		if (kk.n >= 2) {
			lower_cond(L, kk.v[kk.n - 2], body, exit);
			L->cur = body;
			lower_loop_body(L, kk.v[kk.n - 1], exit, head);
		}
		term_goto(L, head);
		L->cur = exit;
		free_kids(&kk);
		break;
	}
	case CXCursor_DoStmt: {
		int body = new_block(L), test = new_block(L), exit = new_block(L);

		get_kids(c, &kk);
		term_goto(L, body);
		L->cur = body;
		if (kk.n >= 2) {
			lower_loop_body(L, kk.v[0], exit, test);
			term_goto(L, test);
			L->cur = test;
			lower_cond(L, kk.v[1], body, exit);
		}
		L->cur = exit;
		free_kids(&kk);
		break;
	}
	case CXCursor_ForStmt:
		lower_for(L, c);
		break;
	case CXCursor_SwitchStmt:
		lower_switch(L, c);
		break;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		lower_case(L, c);
		break;
	case CXCursor_LabelStmt: {
		char *name = spelling(c);
		int b = label_block(L, name);

		free(name);
		term_goto(L, b);
		L->cur = b;
		get_kids(c, &kk);
		if (kk.n)
			lower_stmt(L, kk.v[kk.n - 1]);
		free_kids(&kk);
		break;
	}
	case CXCursor_GotoStmt: {
		CXCursor ref = clang_getCursorReferenced(c);
		char *name = NULL;

		get_kids(c, &kk);
		if (kk.n && kind_of(kk.v[0]) == CXCursor_LabelRef)
			name = spelling(kk.v[0]);
		else if (!clang_Cursor_isNull(ref))
			name = spelling(ref);
		free_kids(&kk);
		if (name) {
			/* the goto's line: where an exit path leaves (the
			 * place a lost allocation is reported) */
			if (L->fn->blocks[L->cur].term == T_NONE)
				L->fn->blocks[L->cur].term_loc =
					ir_cursor_loc(c, NULL);
			jump_to(L, label_block(L, name));
			free(name);
		}
		break;
	}
	case CXCursor_IndirectGotoStmt:
		term_exit(L, T_UNREACHABLE, NULL, ir_cursor_loc(c, NULL));
		break;
	case CXCursor_BreakStmt:
		if (L->brk >= 0)
			jump_to(L, L->brk);
		break;
	case CXCursor_ContinueStmt:
		if (L->cont >= 0)
			jump_to(L, L->cont);
		break;
	case CXCursor_ReturnStmt: {
		struct ir_expr *ret = NULL;

		get_kids(c, &kk);
		if (kk.n && clang_isExpression(kind_of(kk.v[0])))
			ret = lower_expr(L, kk.v[0]);
		free_kids(&kk);
		term_exit(L, T_RETURN, ret, ir_cursor_loc(c, NULL));
		break;
	}
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt:
		break;
	default:
		/* an assignment statement writes its lvalue: no extra use */
		if (clang_isExpression(k) && is_assign_like(c))
			lower_expr(L, c);
		else if (clang_isExpression(k))
			emit_use(L, lower_expr(L, c), c);
		else if (clang_isStatement(k))
			lower_kids_effects(L, c);
		break;
	}
	L->depth--;
}

struct ir_func *ir_lower_function(CXTranslationUnit tu, CXCursor c)
{
	struct lower L = { 0 };
	struct ir_func *fn = xcalloc(1, sizeof(*fn));
	const char *file;
	struct kids k;
	char *name;
	int i, n;

	L.tu = tu;
	L.fn = fn;
	L.ar = arena_new();
	L.brk = L.cont = -1;
	fn->arena = L.ar;
	name = spelling(c);
	fn->name = arena_strdup(L.ar, name);
	free(name);
	fn->loc = ir_cursor_loc(c, &file);
	fn->file = arena_strdup(L.ar, file);
	fn->in_main_file = clang_Location_isFromMainFile(clang_getCursorLocation(c));
	fn->is_static = clang_Cursor_getStorageClass(c) == CX_SC_Static;
	if (fn->is_static) {
		char *key = xstrfmt("%s:%s", fn->file, fn->name);

		fn->key = arena_strdup(L.ar, key);
		free(key);
	} else {
		fn->key = fn->name;
	}
	fn->returns_ptr = type_is_ptr(clang_getResultType(clang_getCursorType(c)));
	n = clang_Cursor_getNumArguments(c);
	for (i = 0; i < n; i++) {
		int v = map_var(&L, clang_Cursor_getArgument(c, i));

		fn->vars[v].param = i;
		fn->vars[v].kind = VAR_PARAM;
	}
	fn->nparams = n < 0 ? 0 : n;
	L.cur = new_block(&L);
	get_kids(c, &k);
	for (i = 0; i < k.n; i++)
		if (kind_of(k.v[i]) == CXCursor_CompoundStmt)
			lower_stmt(&L, k.v[i]);
	free_kids(&k);
	term_exit(&L, T_RETURN, NULL, fn->loc);
	/* a goto to a label that was never defined: end the path there */
	for (i = 0; i < fn->nblocks; i++)
		if (fn->blocks[i].term == T_NONE)
			fn->blocks[i].term = T_UNREACHABLE;
	for (i = 0; i < L.nlabels; i++)
		free(L.labels[i].name);
	free(L.labels);
	free(L.vkeys);
	fn->too_complex = L.failed;
	return fn;
}

void ir_func_free(struct ir_func *fn)
{
	int i;

	if (!fn)
		return;
	for (i = 0; i < fn->nblocks; i++)
		free(fn->blocks[i].insns);
	free(fn->blocks);
	free(fn->vars);
	arena_free(fn->arena);
	free(fn);
}
