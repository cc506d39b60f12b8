// SPDX-License-Identifier: GPL-2.0
/*
 * Function designators stored in struct fields by the static initialisers
 * of the main file: `static const struct net_device_ops foo_ops = {
 * .ndo_start_xmit = foo_xmit };` gives (struct net_device_ops,
 * ndo_start_xmit, foo_xmit).  Designated and positional initialisers,
 * nested ones (`.ops = { .cb = f }`) and arrays of structs are followed;
 * casts, parentheses, `&f` and both arms of `?:` are looked through.
 * Nothing here knows which fields matter: the checkers decide from the
 * rules tables.
 *
 * libclang visits the syntactic form of an initialiser list: a designated
 * initialiser is an unexposed expression whose children are a MemberRef
 * per field designator (and the index of an array designator), then the
 * value.
 */
#include <stdlib.h>
#include <string.h>

#include "inits.h"
#include "../ir/lower.h"
#include "../util/strvec.h"

struct walk {
	struct fn_init_list *out;
	const char *var;
	CXCursor field;		/* FieldDecl being initialised, or null */
};

static CXCursor null_cursor(void)
{
	return clang_getNullCursor();
}

static void add(struct walk *w, CXCursor ref, CXCursor at)
{
	struct fn_init_list *l = w->out;
	struct ir_fn_init *fi;
	CXCursor parent;
	CXString t, f, n;

	if (clang_Cursor_isNull(w->field))
		return;
	/* a field of an anonymous struct or union member is named as a
	 * field of the record that holds it (tasklet_struct's .callback) */
	parent = clang_getCursorSemanticParent(w->field);
	while ((clang_getCursorKind(parent) == CXCursor_StructDecl ||
		clang_getCursorKind(parent) == CXCursor_UnionDecl) &&
	       clang_Cursor_isAnonymous(parent))
		parent = clang_getCursorSemanticParent(parent);
	if (clang_getCursorKind(parent) != CXCursor_StructDecl &&
	    clang_getCursorKind(parent) != CXCursor_UnionDecl)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	fi = &l->v[l->n++];
	t = clang_getTypeSpelling(clang_getCanonicalType(
		clang_getCursorType(parent)));
	f = clang_getCursorSpelling(w->field);
	n = clang_getCursorSpelling(ref);
	fi->rec = xstrdup(clang_getCString(t));
	fi->field = xstrdup(clang_getCString(f));
	fi->fn = xstrdup(clang_getCString(n));
	fi->var = xstrdup(w->var);
	fi->loc = ir_cursor_loc(at, NULL);
	fi->file = NULL;
	clang_disposeString(t);
	clang_disposeString(f);
	clang_disposeString(n);
}

static void walk_expr(struct walk *w, CXCursor c);

struct fields {
	CXCursor v[256];
	int n;
};

static enum CXVisitorResult field_visit(CXCursor c, CXClientData data)
{
	struct fields *fs = data;

	if (fs->n < 256)
		fs->v[fs->n++] = c;
	return CXVisit_Continue;
}

static int field_index(const struct fields *fs, CXCursor f)
{
	int i;

	for (i = 0; i < fs->n; i++)
		if (clang_equalCursors(fs->v[i], f))
			return i;
	return -1;
}

/* The children of c, in order. */
struct kids {
	CXCursor v[64];
	int n;
};

static enum CXChildVisitResult kid_visit(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct kids *k = data;

	(void)parent;
	if (k->n < 64)
		k->v[k->n++] = c;
	return CXChildVisit_Continue;
}

static void kids_of(CXCursor c, struct kids *k)
{
	k->n = 0;
	clang_visitChildren(c, kid_visit, k);
}

/* One element of an initialiser list of a struct (fs) or of an array
 * (fs NULL): a designated initialiser names its field; a positional one
 * takes the next field. */
static void walk_elem(struct walk *w, CXCursor c, const struct fields *fs,
		      int *pos)
{
	CXCursor saved = w->field;
	struct kids k;
	int i, first = 1;

	if (clang_getCursorKind(c) == CXCursor_UnexposedExpr) {
		kids_of(c, &k);
		for (i = 0; i < k.n; i++) {
			CXCursor f;

			if (clang_getCursorKind(k.v[i]) != CXCursor_MemberRef)
				continue;
			f = clang_getCursorReferenced(k.v[i]);
			if (first && fs) {
				int at = field_index(fs, f);

				if (at >= 0)
					*pos = at + 1;
			}
			first = 0;
			w->field = f;
		}
		if (!first) {
			/* designated: the value is the last child */
			walk_expr(w, k.v[k.n - 1]);
			w->field = saved;
			return;
		}
	}
	if (fs) {
		w->field = *pos < fs->n ? fs->v[*pos] : null_cursor();
		(*pos)++;
	}
	walk_expr(w, c);
	w->field = saved;
}

static void walk_list(struct walk *w, CXCursor c)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	struct fields fs;
	struct kids k;
	int i, pos = 0;
	bool rec = t.kind == CXType_Record;

	fs.n = 0;
	if (rec)
		clang_Type_visitFields(t, field_visit, &fs);
	kids_of(c, &k);
	for (i = 0; i < k.n; i++)
		walk_elem(w, k.v[i], rec ? &fs : NULL, &pos);
}

static void walk_expr(struct walk *w, CXCursor c)
{
	struct kids k;
	int i;

	switch (clang_getCursorKind(c)) {
	case CXCursor_InitListExpr:
		walk_list(w, c);
		return;
	case CXCursor_DeclRefExpr: {
		CXCursor ref = clang_getCursorReferenced(c);

		if (clang_getCursorKind(ref) == CXCursor_FunctionDecl)
			add(w, ref, c);
		return;
	}
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_AddrOf)
			return;
		/* fall through */
	case CXCursor_UnexposedExpr:
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_ConditionalOperator:
		kids_of(c, &k);
		for (i = 0; i < k.n; i++)
			if (clang_isExpression(clang_getCursorKind(k.v[i])))
				walk_expr(w, k.v[i]);
		return;
	default:
		return;
	}
}

static enum CXChildVisitResult var_init(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct walk *w = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_InitListExpr)
		walk_list(w, c);
	return CXChildVisit_Continue;
}

void fn_inits_collect(CXCursor var, struct fn_init_list *out)
{
	CXString s = clang_getCursorSpelling(var);
	struct walk w;

	w.out = out;
	w.var = clang_getCString(s);
	w.field = null_cursor();
	clang_visitChildren(var, var_init, &w);
	clang_disposeString(s);
}

/* The function a DeclRefExpr under c names, or a null cursor. */
static enum CXChildVisitResult find_fn_ref(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	CXCursor *out = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(c)) ==
	    CXCursor_FunctionDecl) {
		*out = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/*
 * module_init(foo_init) in a module (-DMODULE) defines
 * `static inline initcall_t __inittest(void) { return foo_init; }` (and
 * an alias init_module of foo_init): foo_init is recorded as stored in
 * the pseudo field "module.init" (the kernel calls it once, and a
 * failure means module_exit() never runs).
 */
void fn_inits_module(CXCursor fn, struct fn_init_list *out)
{
	CXString s = clang_getCursorSpelling(fn);
	const char *name = clang_getCString(s);
	CXCursor ref = null_cursor();
	struct ir_fn_init *fi;
	CXString n;

	if (!strcmp(name, "__inittest"))
		clang_visitChildren(fn, find_fn_ref, &ref);
	if (clang_Cursor_isNull(ref)) {
		clang_disposeString(s);
		return;
	}
	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 16;
		out->v = xrealloc(out->v, out->cap * sizeof(*out->v));
	}
	fi = &out->v[out->n++];
	n = clang_getCursorSpelling(clang_getCursorReferenced(ref));
	fi->rec = xstrdup("module");
	fi->field = xstrdup("init");
	fi->fn = xstrdup(clang_getCString(n));
	fi->var = xstrdup(name);
	fi->loc = ir_cursor_loc(ref, NULL);
	fi->file = NULL;
	clang_disposeString(n);
	clang_disposeString(s);
}

void fn_inits_free(struct fn_init_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free((char *)l->v[i].rec);
		free((char *)l->v[i].field);
		free((char *)l->v[i].fn);
		free((char *)l->v[i].var);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
