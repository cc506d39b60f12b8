// SPDX-License-Identifier: GPL-2.0
/*
 * Lowering, part 2b: places.  A member access with the record it reads
 * from (field facts are keyed by it), an array element, a reference to a
 * variable, a parameter, an enum constant or a function, and the
 * initialisers of a local struct (its integer members) and of a local
 * array of pointers (element by element).  lower_expr.c calls these.
 */
#include <stdlib.h>

#include "lower_impl.h"

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

/* The record type of record_name() is defined in the main file (a
 * driver's private struct, not one of a header). */
static bool record_local(CXType t, bool arrow)
{
	CXCursor d;

	t = clang_getCanonicalType(t);
	if (arrow)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	d = clang_getTypeDeclaration(t);
	if (clang_Cursor_isNull(d))
		return false;
	d = clang_getCursorDefinition(d);
	return !clang_Cursor_isNull(d) &&
	       clang_Location_isFromMainFile(clang_getCursorLocation(d));
}

struct ir_expr *lower_member(struct lower *L, CXCursor c)
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
	e->rec_local = record_local(clang_getCursorType(base), e->arrow);
	return e;
}

struct field_list {
	CXCursor v[64];
	int n;
};

static enum CXVisitorResult collect_field(CXCursor c, CXClientData data)
{
	struct field_list *fl = data;

	if (fl->n == 64)
		return CXVisit_Break;
	fl->v[fl->n++] = c;
	return CXVisit_Continue;
}

static bool integer_type(CXType t)
{
	t = clang_getCanonicalType(t);
	return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) ||
	       t.kind == CXType_Enum;
}

/* The member of var's struct a field cursor names, as an lvalue. */
static struct ir_expr *member_of(struct lower *L, struct ir_expr *var,
				 CXCursor field, CXType rec)
{
	struct ir_expr *e = mk(L, EX_MEMBER, field);
	CXType ft = clang_getCanonicalType(clang_getCursorType(field));
	char *name = spelling(field);

	e->a = var;
	e->arrow = false;
	e->field = arena_strdup(L->ar, name);
	free(name);
	e->rec = record_name(L, rec, false);
	e->rec_local = record_local(rec, false);
	e->is_long = clang_Type_getSizeOf(ft) == 8;
	e->nonneg = type_narrow_unsigned(ft);
	e->is_byte = e->nonneg && clang_Type_getSizeOf(ft) == 1;
	e->is_ptr = ft.kind == CXType_Pointer;
	return e;
}

/* val, stripped, names a variable or parameter: reading it again has no
 * effect */
static bool is_var_ref(CXCursor val)
{
	enum CXCursorKind k;

	val = strip(val);
	if (kind_of(val) != CXCursor_DeclRefExpr)
		return false;
	k = kind_of(clang_getCursorReferenced(val));
	return k == CXCursor_VarDecl || k == CXCursor_ParmDecl;
}

/*
 * A local struct's initialiser list: each integer member it gives a
 * constant (designated, `.flags = CMD_ASYNC`, or by position) is
 * assigned that constant, after the variable itself.  Nested lists,
 * array members and values that are not constants are left as they
 * were (the variable is unknown).
 */
void lower_record_init(struct lower *L, struct ir_expr *var, CXCursor list,
		       CXType t, bool ptr_vars)
{
	struct field_list fl;
	struct kids k;
	int i, next = 0;

	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Record)
		return;
	fl.n = 0;
	clang_Type_visitFields(t, collect_field, &fl);
	get_kids(list, &k);
	for (i = 0; i < k.n; i++) {
		CXCursor val = k.v[i];
		struct kids g;
		int f = -1, j;
		int64_t c;

		get_kids(k.v[i], &g);
		if (g.n == 2 && kind_of(g.v[0]) == CXCursor_MemberRef &&
		    kind_of(k.v[i]) == CXCursor_UnexposedExpr) {
			CXCursor ref = clang_getCursorReferenced(g.v[0]);

			for (j = 0; j < fl.n; j++)
				if (clang_equalCursors(fl.v[j], ref))
					f = j;
			val = g.v[1];
		} else if (g.n && kind_of(g.v[0]) == CXCursor_MemberRef) {
			f = -2;		/* .a.b = x: not followed */
		} else {
			f = next;
		}
		free_kids(&g);
		if (f == -2)
			break;
		next = f + 1;
		if (ptr_vars && f >= 0 && f < fl.n && is_var_ref(val) &&
		    clang_getCanonicalType(clang_getCursorType(fl.v[f])).kind ==
		    CXType_Pointer) {
			emit_assign(L, member_of(L, var, fl.v[f], t),
				    lower_expr(L, val), val);
			continue;
		}
		if (f < 0 || f >= fl.n ||
		    !integer_type(clang_getCursorType(fl.v[f])) ||
		    clang_Cursor_isBitField(fl.v[f]))
			continue;
		if (eval_int(val, &c)) {
			emit_assign(L, member_of(L, var, fl.v[f], t),
				    mk_const(L, c, val), val);
		} else if (kind_of(strip(val)) == CXCursor_DeclRefExpr &&
			   kind_of(clang_getCursorReferenced(strip(val))) ==
			   CXCursor_ParmDecl) {
			/* { .flags = flags }: the member holds what the
			 * caller passed (param_copy.c) */
			emit_assign(L, member_of(L, var, fl.v[f], t),
				    lower_expr(L, val), val);
		}
	}
	free_kids(&k);
}

/*
 * A local array of pointers and its initialiser list, by position:
 * char *env[] = { "DRIVER=bcache", kasprintf(...), NULL } is env = ?,
 * then env[1] = the kasprintf() block and so on, so a later
 * kfree(env[1]) frees it.  A designated element ([2] = x) stops the
 * walk (what follows it is not by position).  True when the list was
 * lowered here (its values evaluated once).
 */
bool lower_array_init(struct lower *L, int var, CXCursor decl,
		      CXCursor list)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(decl));
	CXType et;
	struct kids k;
	int i;

	if (t.kind != CXType_ConstantArray && t.kind != CXType_IncompleteArray)
		return false;
	et = clang_getCanonicalType(clang_getArrayElementType(t));
	if (et.kind != CXType_Pointer)
		return false;
	emit_assign(L, mk_var(L, var, decl), mk(L, EX_UNKNOWN, decl), decl);
	get_kids(list, &k);
	for (i = 0; i < k.n; i++) {
		struct ir_expr *e, *v;
		int64_t c;

		if (!clang_isExpression(kind_of(k.v[i])) ||
		    (!cursor_is_ptr(k.v[i]) && !eval_int(k.v[i], &c)))
			break;		/* [2] = x, or a nested list */
		v = lower_expr(L, k.v[i]);
		e = mk(L, EX_INDEX, k.v[i]);
		e->is_ptr = true;
		e->base_is_ptr = false;
		e->a = mk_var(L, var, decl);
		e->b = mk_const(L, i, k.v[i]);
		emit_assign(L, e, v, k.v[i]);
	}
	/* what the walk stopped at is still evaluated */
	for (; i < k.n; i++)
		if (clang_isExpression(kind_of(k.v[i])))
			lower_expr(L, k.v[i]);
	free_kids(&k);
	return true;
}

/* c, once stripped, names a local array of the function (u16 list[32]):
 * where it decays, its value is its own address, which is no other
 * object's (read_and_add_raw_conns(): if (result != list) kfree(result)) */
bool local_array(CXCursor c)
{
	CXCursor ref;

	c = strip(c);
	if (kind_of(c) != CXCursor_DeclRefExpr ||
	    !type_is_array(clang_getCursorType(c)))
		return false;
	ref = clang_getCursorReferenced(c);
	return kind_of(ref) == CXCursor_VarDecl && var_automatic(ref);
}

/* c, once stripped, is a member of array type (p->data, s.buf) */
bool array_member(CXCursor c)
{
	c = strip(c);
	return kind_of(c) == CXCursor_MemberRefExpr &&
	       type_is_array(clang_getCursorType(c));
}

struct ir_expr *lower_index(struct lower *L, CXCursor c)
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
	/* p->arr[i]: the member itself, not its decayed address */
	e->a = lower_expr(L, array_member(k.v[0]) || local_array(k.v[0]) ?
			  base : k.v[0]);
	/* (*p)[i], p a pointer to an array: the decayed *p is p */
	if (!e->base_is_ptr && e->a->is_ptr)
		e->base_is_ptr = true;
	e->b = lower_expr(L, k.v[1]);
	free_kids(&k);
	return e;
}

struct ir_expr *lower_declref(struct lower *L, CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);

	switch (kind_of(ref)) {
	case CXCursor_ParmDecl:
		if (L->nsub) {
			struct ir_expr *e = lower_subst_param(L, ref);

			if (e)
				return e;
		}
		return mk_var(L, map_var(L, ref), c);
	case CXCursor_VarDecl:
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
