// SPDX-License-Identifier: GPL-2.0
/*
 * libclang AST -> function CFG: statements and the function (part 3;
 * lower_cfg.c, lower_expr.c and lower_switch.c hold the rest, lower_impl.h
 * what they share).
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

#include "lower_impl.h"

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
	if (kind_of(strip(init)) == CXCursor_InitListExpr &&
	    lower_array_init(L, var, d, strip(init)))
		return;
	emit_assign(L, lhs, lower_expr(L, init), d);
	/* struct foo_cmd cmd = { .id = 3, .flags = FOO_CMD_ASYNC }: the
	 * constants the initialiser gives the integer members */
	if (kind_of(strip(init)) == CXCursor_InitListExpr)
		lower_record_init(L, mk_var(L, var, d), strip(init),
				  clang_getCursorType(d), false);
}

/*
 * Sparse's context annotations between the parameters and the body:
 * journal_try_write(c) __releases(c->journal.lock) drops the lock its
 * caller took, on one path through a callback (closure_call() of
 * journal_write_unlocked()) the engine does not follow.  The macros
 * expand to nothing outside Sparse, so they are read as tokens.
 */
static int lock_contract(CXTranslationUnit tu, CXCursor fn, CXCursor body)
{
	CXSourceRange r = clang_getRange(
		clang_getRangeStart(clang_getCursorExtent(fn)),
		clang_getRangeStart(clang_getCursorExtent(body)));
	CXToken *toks = NULL;
	unsigned ntoks = 0, i;
	int n = 0;

	clang_tokenize(tu, r, &toks, &ntoks);
	for (i = 0; i < ntoks; i++) {
		CXString s;
		const char *t;

		if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
			continue;
		s = clang_getTokenSpelling(tu, toks[i]);
		t = clang_getCString(s);
		if (!strcmp(t, "__acquires") && n < 8)
			n++;
		else if (!strcmp(t, "__releases") && n > -8)
			n--;
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, ntoks);
	return n;
}

bool is_assign_like(CXCursor c)
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

/*
 * A label by its statement, not its name: a local label (`__label__
 * __out;` in ___wait_event()) is declared once per expansion, so two
 * wait_event()s in one function each have their own __out.
 */
static char *label_key(CXCursor label)
{
	char *name = spelling(label);
	char *key = xstrfmt("%s#%x", name, clang_hashCursor(label));

	free(name);
	return key;
}

void lower_stmt(struct lower *L, CXCursor c)
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
		char *name = label_key(c);
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
			ref = clang_getCursorReferenced(kk.v[0]);
		if (!clang_Cursor_isNull(ref) &&
		    kind_of(ref) == CXCursor_LabelStmt)
			name = label_key(ref);
		else if (kk.n && kind_of(kk.v[0]) == CXCursor_LabelRef)
			name = spelling(kk.v[0]);
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
	case CXCursor_ContinueStmt: {
		int to = kind_of(c) == CXCursor_BreakStmt ? L->brk : L->cont;

		if (to < 0)
			break;
		/* continue, like a goto, leaves the iteration: what only
		 * the iteration held is lost there (not at the loop's step).
		 * A break goes on after the loop or switch: what dies there
		 * is lost at the return or goto the path reaches next */
		if (kind_of(c) == CXCursor_ContinueStmt &&
		    L->fn->blocks[L->cur].term == T_NONE)
			L->fn->blocks[L->cur].term_loc = ir_cursor_loc(c, NULL);
		jump_to(L, to);
		break;
	}
	case CXCursor_ReturnStmt: {
		struct ir_expr *ret = NULL;

		get_kids(c, &kk);
		if (kk.n && clang_isExpression(kind_of(kk.v[0])))
			ret = lower_expr(L, kk.v[0]);
		free_kids(&kk);
		term_exit(L, T_RETURN, ret, ir_cursor_loc(c, NULL));
		break;
	}
	case CXCursor_GCCAsmStmt:
		lower_asm(L, c);
		break;
	case CXCursor_NullStmt:
	case CXCursor_MSAsmStmt:
		break;
	default:
		/* an assignment statement writes its lvalue: no extra use */
		if (clang_isExpression(k) && is_assign_like(c))
			lower_effect(L, c);
		else if (clang_isExpression(k)) {
			struct ir_expr *e = lower_expr(L, c);
			struct ir_block *b = &L->fn->blocks[L->cur];

			/* foo(x); the call's temporary is never read */
			if (b->ninsns && b->insns[b->ninsns - 1].kind == I_CALL &&
			    b->insns[b->ninsns - 1].call->dest == e &&
			    e->kind == EX_VAR)
				b->insns[b->ninsns - 1].call->result_unused = true;
			emit_use(L, e, c);
		}
		else if (clang_isStatement(k))
			lower_kids_effects(L, c);
		break;
	}
	L->depth--;
}

/* The closing brace of a function body (the last character of its
 * extent), or dflt when it lies in no file (a macro's body). */
static struct ir_loc body_end_loc(CXCursor body, struct ir_loc dflt)
{
	CXSourceLocation sl = clang_getRangeEnd(clang_getCursorExtent(body));
	struct ir_loc loc = dflt;
	CXFile file;
	unsigned line, col;

	clang_getFileLocation(sl, &file, &line, &col, NULL);
	if (file && line) {
		loc.line = line;
		loc.col = col > 1 ? col - 1 : col;
	}
	return loc;
}

struct ir_func *ir_lower_function(CXTranslationUnit tu, CXCursor c)
{
	struct lower L = { 0 };
	struct ir_func *fn = xcalloc(1, sizeof(*fn));
	struct ir_loc end;
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
	{
		CXType rt = clang_getResultType(clang_getCursorType(c));

		fn->returns_bool = clang_getCanonicalType(rt).kind == CXType_Bool;
		fn->returns_narrow = type_is_int(rt) &&
			clang_Type_getSizeOf(clang_getCanonicalType(rt)) <
			(long long)sizeof(void *);
	}
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
			fn->lock_contract = lock_contract(L.tu, c, k.v[i]);
	end = fn->loc;
	for (i = 0; i < k.n; i++)
		if (kind_of(k.v[i]) == CXCursor_CompoundStmt) {
			lower_pred_locals(&L, k.v[i]);
			lower_stmt(&L, k.v[i]);
			end = body_end_loc(k.v[i], fn->loc);
		}
	free_kids(&k);
	/* falling off the end returns at the body's closing brace, where
	 * what the function still holds is lost */
	term_exit(&L, T_RETURN, NULL, end);
	/* a goto to a label that was never defined: end the path there */
	for (i = 0; i < fn->nblocks; i++)
		if (fn->blocks[i].term == T_NONE)
			fn->blocks[i].term = T_UNREACHABLE;
	for (i = 0; i < L.nlabels; i++)
		free(L.labels[i].name);
	free(L.labels);
	free(L.vkeys);
	lower_pred_locals_free(&L);
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
