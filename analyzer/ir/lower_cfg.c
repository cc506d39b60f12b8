// SPDX-License-Identifier: GPL-2.0
/*
 * Lowering, part 1: questions about cursors and types, and the CFG
 * being built (blocks, instructions, terminators, variables, labels).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower_impl.h"

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

void get_kids(CXCursor c, struct kids *k)
{
	k->v = NULL;
	k->n = 0;
	k->alloc = 0;
	clang_visitChildren(c, collect, k);
}

void free_kids(struct kids *k)
{
	free(k->v);
}

enum CXCursorKind kind_of(CXCursor c)
{
	return clang_getCursorKind(c);
}

bool type_is_ptr(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_Pointer || t.kind == CXType_BlockPointer;
}

bool type_is_array(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_ConstantArray ||
	       t.kind == CXType_IncompleteArray ||
	       t.kind == CXType_VariableArray ||
	       t.kind == CXType_DependentSizedArray;
}

bool type_is_int(CXType t)
{
	t = clang_getCanonicalType(t);
	return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) ||
	       t.kind == CXType_Enum;
}

bool cursor_is_ptr(CXCursor c)
{
	return type_is_ptr(clang_getCursorType(c));
}

/* void *, char *, u8 *: p + n moves by bytes (netdev_priv()), not by
 * elements */
bool byte_pointee(CXType t)
{
	CXType p = clang_getCanonicalType(clang_getPointeeType(
			clang_getCanonicalType(t)));

	return p.kind == CXType_Void || clang_Type_getSizeOf(p) == 1;
}

/* The size of what a pointer type points to, 0 when it has none. */
int64_t pointee_size(CXType t)
{
	CXType p = clang_getCanonicalType(clang_getPointeeType(
			clang_getCanonicalType(t)));
	long long n;

	if (p.kind == CXType_Void)
		return 0;
	n = clang_Type_getSizeOf(p);
	return n > 0 ? n : 0;
}

/* unsigned long and friends: what __get_free_pages() returns */
static bool cursor_is_long(CXCursor c)
{
	CXType t = clang_getCursorType(c);

	return type_is_int(t) &&
	       clang_Type_getSizeOf(clang_getCanonicalType(t)) ==
	       (long long)sizeof(void *);
}

/* u8, u16, bool: promoted to int, never negative */
bool type_narrow_unsigned(CXType t)
{
	switch (clang_getCanonicalType(t).kind) {
	case CXType_Bool:
	case CXType_Char_U:
	case CXType_UChar:
	case CXType_UShort:
		return true;
	default:
		return false;
	}
}

/* Look through parentheses and implicit casts (UnexposedExpr, one child). */
CXCursor strip(CXCursor c)
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

/* The last expression among c's children: a cast's operand after its
 * TypeRef, a paren's or an operator's one operand. */
bool last_expr_kid(CXCursor c, CXCursor *out)
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

/* likely()/unlikely(): __builtin_expect(x, v) */
bool is_builtin_expect(CXCursor c)
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

/* A parameter, or a local of automatic storage (not static, not extern,
 * not a global): a place only this function writes. */
bool var_automatic(CXCursor decl)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);

	if (kind_of(decl) == CXCursor_ParmDecl)
		return true;
	return kind_of(decl) == CXCursor_VarDecl &&
	       clang_getCursorSemanticParent(decl).kind ==
	       CXCursor_FunctionDecl &&
	       sc != CX_SC_Static && sc != CX_SC_Extern;
}

bool eval_int(CXCursor c, int64_t *out)
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

char *spelling(CXCursor c)
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

int new_block(struct lower *L)
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

struct ir_insn *add_insn(struct lower *L, enum insn_kind kind,
				struct ir_loc loc)
{
	struct ir_block *b = &L->fn->blocks[L->cur];
	struct ir_insn *i;

	if (L->at_set)		/* an inlined predicate's: at its call */
		loc = ir_cursor_loc(L->at, NULL);
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

void term_goto(struct lower *L, int target)
{
	struct ir_block *b = &L->fn->blocks[L->cur];

	if (b->term != T_NONE)
		return;
	b->term = T_GOTO;
	b->succ[0] = target;
}

void term_branch(struct lower *L, struct ir_expr *cond, int t, int f,
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
void term_exit(struct lower *L, enum term_kind kind,
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

void jump_to(struct lower *L, int target)
{
	term_goto(L, target);
	L->cur = new_block(L);
}

struct ir_expr *mk(struct lower *L, enum ex_kind kind, CXCursor c)
{
	struct ir_expr *e = arena_alloc(L->ar, sizeof(*e));

	e->kind = kind;
	e->loc = ir_cursor_loc(c, NULL);
	if (!clang_Cursor_isNull(c) && clang_isExpression(kind_of(c))) {
		e->is_ptr = cursor_is_ptr(c);
		e->is_long = !e->is_ptr && cursor_is_long(c);
		e->nonneg = !e->is_ptr &&
			    type_narrow_unsigned(clang_getCursorType(c));
		e->is_byte = e->nonneg &&
			     clang_Type_getSizeOf(clang_getCursorType(c)) == 1;
		e->is_record = clang_getCanonicalType(clang_getCursorType(c)).kind ==
			       CXType_Record;
		e->is_byte_ptr = e->is_ptr && byte_pointee(clang_getCursorType(c));
		e->psize = e->is_ptr ? pointee_size(clang_getCursorType(c)) : 0;
	}
	return e;
}

struct ir_expr *mk_const(struct lower *L, int64_t v, CXCursor c)
{
	struct ir_expr *e = mk(L, EX_CONST, c);

	e->ival = v;
	e->is_ptr = false;
	return e;
}

struct ir_expr *mk_var(struct lower *L, int var, CXCursor c)
{
	struct ir_expr *e = mk(L, EX_VAR, c);

	e->var = var;
	e->is_ptr = L->fn->vars[var].is_ptr;
	e->is_long = L->fn->vars[var].is_long;
	/* a declaration (T *p = ...): the pointee of its type */
	if (e->is_ptr && !e->psize && !clang_Cursor_isNull(c) &&
	    clang_isDeclaration(kind_of(c)))
		e->psize = pointee_size(clang_getCursorType(c));
	/* struct foo v = w: a struct copy, as v = w is (kfifo_put()'s
	 * `typeof(...) __val = (val)`), which mk() learns only from an
	 * expression's cursor */
	if (!e->is_ptr && !clang_Cursor_isNull(c) &&
	    clang_isDeclaration(kind_of(c)))
		e->is_record = clang_getCanonicalType(clang_getCursorType(c)).kind ==
			       CXType_Record;
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
	v->ptype = NULL;
	v->cleanup = false;
	v->is_static = false;
	return fn->nvars++;
}

int new_temp(struct lower *L, bool is_ptr)
{
	char name[32];

	snprintf(name, sizeof(name), "$t%d", L->fn->nvars);
	return add_var(L, name, VAR_TEMP, is_ptr);
}

/* Does the variable have a cleanup attribute?  libclang exposes it only
 * as an unexposed attribute, whose extent lies in the macro
 * (`__free(kfree)` of linux/cleanup.h): the declaration's own tokens
 * before its initialiser say which (`__free`, or `cleanup` as written in
 * `__attribute__((cleanup(fn)))`). */
static enum CXChildVisitResult has_attr(CXCursor c, CXCursor parent,
					CXClientData data)
{
	(void)parent;
	if (c.kind == CXCursor_UnexposedAttr) {
		*(bool *)data = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static bool cleanup_var(CXCursor decl)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(decl);
	CXToken *toks = NULL;
	unsigned n = 0, i;
	bool attr = false, found = false;

	clang_visitChildren(decl, has_attr, &attr);
	if (!attr)
		return false;
	clang_tokenize(tu, clang_getCursorExtent(decl), &toks, &n);
	for (i = 0; i < n && !found; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *t = clang_getCString(s);
		bool stop = t && (!strcmp(t, "=") || !strcmp(t, ";"));

		if (t && (!strcmp(t, "__free") || !strcmp(t, "__cleanup") ||
			  !strcmp(t, "cleanup") || !strcmp(t, "__cleanup__")))
			found = true;
		clang_disposeString(s);
		if (stop)
			break;
	}
	clang_disposeTokens(tu, toks, n);
	return found;
}

/* "struct page" of a struct page *, or NULL */
static const char *pointee_record(struct lower *L, CXType t)
{
	CXString s;
	const char *r;

	t = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(t)));
	if (t.kind != CXType_Record)
		return NULL;
	s = clang_getTypeSpelling(clang_getUnqualifiedType(t));
	r = arena_strdup(L->ar, clang_getCString(s));
	clang_disposeString(s);
	return r;
}

int map_var(struct lower *L, CXCursor decl)
{
	unsigned h = clang_hashCursor(decl);
	enum var_kind kind;
	char *name;
	int i, v;

	for (i = 0; i < L->nvkeys; i++)
		if (L->vkeys[i].hash == h &&
		    clang_equalCursors(L->vkeys[i].decl, decl))
			return L->vkeys[i].var;
	name = spelling(decl);
	if (kind_of(decl) == CXCursor_ParmDecl)
		kind = VAR_PARAM;
	else if (!var_automatic(decl))
		kind = VAR_GLOBAL;
	else
		kind = VAR_LOCAL;
	v = add_var(L, name, kind, cursor_is_ptr(decl));
	L->fn->vars[v].is_long = !L->fn->vars[v].is_ptr && cursor_is_long(decl);
	if (L->fn->vars[v].is_ptr)
		L->fn->vars[v].ptype = pointee_record(L, clang_getCursorType(decl));
	if (kind == VAR_LOCAL)
		L->fn->vars[v].cleanup = cleanup_var(decl);
	if (kind == VAR_GLOBAL)
		L->fn->vars[v].is_static =
			clang_getCursorLinkage(decl) == CXLinkage_Internal ||
			clang_getCursorLinkage(decl) == CXLinkage_NoLinkage;
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

int label_block(struct lower *L, const char *name)
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