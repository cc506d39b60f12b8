// SPDX-License-Identifier: GPL-2.0
/*
 * Lowering, part 2: expressions (calls and conditions are in
 * lower_call.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower_impl.h"

/* ---- expressions ---- */

void emit_assign(struct lower *L, struct ir_expr *lhs,
			struct ir_expr *rhs, CXCursor at)
{
	struct ir_insn *i = add_insn(L, I_ASSIGN, ir_cursor_loc(at, NULL));

	i->lhs = lhs;
	i->rhs = rhs;
}

void emit_use(struct lower *L, struct ir_expr *e, CXCursor at)
{
	struct ir_insn *i;

	if (!e || e->kind == EX_UNKNOWN || e->kind == EX_CONST ||
	    e->kind == EX_VAR || e->kind == EX_STR)
		return;
	i = add_insn(L, I_USE, ir_cursor_loc(at, NULL));
	i->rhs = e;
}

/* Lower every expression child for its side effects. */
void lower_kids_effects(struct lower *L, CXCursor c)
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

/*
 * ({ s1; s2; e; }): lower the statements, return the last expression
 * child (not yet lowered) through *last, or false if there is none.
 */
bool lower_stmt_expr_body(struct lower *L, CXCursor c, CXCursor *last)
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

/*
 * GNU a ?: b (BinaryConditionalOperator).  libclang shows it as an
 * unexposed expression of four children: the common operand a, then a
 * twice more (the condition and the true value, opaque references to
 * it), then b.  a is evaluated once: `__dev_forward_skb(dev, skb) ?:
 * netif_rx(skb)` calls netif_rx() only when the forward returned 0.
 */
static bool is_binary_conditional(CXCursor c, const struct kids *k)
{
	if (kind_of(c) != CXCursor_UnexposedExpr || k->n != 4)
		return false;
	return clang_equalRanges(clang_getCursorExtent(k->v[0]),
				 clang_getCursorExtent(k->v[1])) &&
	       clang_equalRanges(clang_getCursorExtent(k->v[0]),
				 clang_getCursorExtent(k->v[2]));
}

static struct ir_expr *lower_binary_conditional(struct lower *L, CXCursor c,
						const struct kids *k)
{
	struct ir_expr *v;
	int t, bf, join;

	t = new_temp(L, cursor_is_ptr(c));
	v = lower_expr(L, k->v[0]);
	emit_assign(L, mk_var(L, t, c), v, k->v[0]);
	bf = new_block(L);
	join = new_block(L);
	term_branch(L, mk_var(L, t, c), join, bf, ir_cursor_loc(c, NULL));
	L->cur = bf;
	v = lower_expr(L, k->v[3]);
	emit_assign(L, mk_var(L, t, c), v, k->v[3]);
	term_goto(L, join);
	L->cur = join;
	return mk_var(L, t, c);
}

static void lower_literal_members(struct lower *L, struct ir_expr *lhs,
				  CXCursor lit);

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
			if (kind_of(rhs) == CXCursor_CompoundLiteralExpr)
				lower_literal_members(L, a, rhs);
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
	bool effect = L->effect_only;	/* lower_effect(): value unused */

	L->effect_only = false;

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
	case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec: {
		struct ir_expr *old = a;

		/* x++ is worth x before the step: pages[i++] = page++
		 * stores the page it had into the slot i named */
		if (!effect && (op == CXUnaryOperator_PostInc ||
				op == CXUnaryOperator_PostDec)) {
			int t = new_temp(L, cursor_is_ptr(c));

			old = mk_var(L, t, c);
			emit_assign(L, old, a, c);
		}
		e = mk(L, EX_ARITH, c);
		e->op = (op == CXUnaryOperator_PostInc ||
			 op == CXUnaryOperator_PreInc) ? AR_ADD : AR_SUB;
		e->a = a;
		e->b = mk_const(L, 1, c);
		emit_assign(L, a, e, c);
		return old;
	}
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

/*
 * p[i] = (struct property_entry){ .name = key, .is_inline = true }: after
 * the whole p[i] = ?, each member the literal's list gives a variable's
 * pointer or a constant holds it, so the block key points to is stored
 * in p[i].name (the values were evaluated with the literal; a variable is
 * read again).
 */
static void lower_literal_members(struct lower *L, struct ir_expr *lhs,
				  CXCursor lit)
{
	struct kids k;
	int i;

	get_kids(lit, &k);
	for (i = 0; i < k.n; i++)
		if (kind_of(k.v[i]) == CXCursor_InitListExpr)
			lower_record_init(L, lhs, k.v[i],
					  clang_getCursorType(lit), true);
	free_kids(&k);
}

/*
 * c, once stripped, is *p where p points to an array (int (*bitmap)[N]):
 * the operand p, in *ptr.  Where *p decays to a pointer (*bitmap + k,
 * q = *bitmap), its value is p's own address.
 */
static bool deref_of_array_ptr(CXCursor c, CXCursor *ptr)
{
	struct kids k;
	bool ok;

	c = strip(c);
	if (kind_of(c) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_Deref ||
	    !type_is_array(clang_getCursorType(c)))
		return false;
	get_kids(c, &k);
	ok = k.n == 1;
	if (ok)
		*ptr = k.v[0];
	free_kids(&k);
	return ok;
}

/*
 * c evaluated for its effects only (an expression statement, a for
 * loop's step, the operands of a comma there): i++ needs no temporary
 * for the value it had, which nothing reads.
 */
struct ir_expr *lower_effect(struct lower *L, CXCursor c)
{
	CXCursor s = strip(c);

	if (kind_of(s) == CXCursor_BinaryOperator &&
	    clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_Comma) {
		struct kids k;
		struct ir_expr *e;

		get_kids(s, &k);
		if (k.n != 2) {
			free_kids(&k);
			return lower_expr(L, c);
		}
		emit_use(L, lower_effect(L, k.v[0]), k.v[0]);
		e = lower_effect(L, k.v[1]);
		free_kids(&k);
		return e;
	}
	if (kind_of(s) == CXCursor_UnaryOperator &&
	    (clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_PostInc ||
	     clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_PostDec))
		L->effect_only = true;
	return lower_expr(L, c);
}

/*
 * How the source spells a constant the lowering folded (sizeof(*irqs)
 * is 49 in the IR): kept in field for messages that quote an operand
 * ("msix_num_entries * sizeof(*irqs)").  Only for the main file's own
 * code, not from a macro, short: a header's or a macro's spelling would
 * be what the reader does not see.
 */
static const char *const_spelling(struct lower *L, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile ef, sf;
	unsigned eoff, soff, end, ntoks = 0, i;
	CXToken *toks = NULL;
	char buf[128];
	size_t n = 0;
	bool prev_word = false, ok = true;

	if (!L->fn->in_main_file || !clang_Location_isFromMainFile(loc))
		return NULL;
	clang_getExpansionLocation(loc, &ef, NULL, NULL, &eoff);
	clang_getSpellingLocation(loc, &sf, NULL, NULL, &soff);
	if (eoff != soff || !clang_File_isEqual(ef, sf))
		return NULL;
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL,
				   &end);
	clang_tokenize(L->tu, r, &toks, &ntoks);
	buf[0] = '\0';
	for (i = 0; i < ntoks && ok; i++) {
		CXTokenKind k = clang_getTokenKind(toks[i]);
		CXString t;
		const char *ts;
		unsigned off;
		bool word = k == CXToken_Identifier || k == CXToken_Keyword ||
			    k == CXToken_Literal;
		size_t l;

		clang_getExpansionLocation(clang_getTokenLocation(L->tu, toks[i]),
					   NULL, NULL, NULL, &off);
		if (off >= end)
			break;
		if (k == CXToken_Comment)
			continue;
		t = clang_getTokenSpelling(L->tu, toks[i]);
		ts = clang_getCString(t);
		l = strlen(ts);
		if (n + l + 2 >= sizeof(buf))
			ok = false;
		else
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
					      word && prev_word ? " " : "", ts);
		prev_word = word;
		clang_disposeString(t);
	}
	if (toks)
		clang_disposeTokens(L->tu, toks, ntoks);
	return ok && n ? arena_strdup(L->ar, buf) : NULL;
}

struct ir_expr *lower_expr(struct lower *L, CXCursor c)
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
		if (k == CXCursor_UnexposedExpr && kk.n == 1 &&
		    type_is_ptr(clang_getCursorType(c)) &&
		    deref_of_array_ptr(kk.v[0], &inner)) {
			/* the array *p decays to its address: p */
			e = lower_expr(L, inner);
		} else if (k == CXCursor_UnexposedExpr && kk.n == 1 &&
			   type_is_ptr(clang_getCursorType(c)) &&
			   array_member(kk.v[0])) {
			/* the array p->data decays to its address,
			 * &p->data: a pointer into p's block, as
			 * spi_res_alloc()'s return sres->data is */
			e = mk(L, EX_ADDR, c);
			e->a = lower_expr(L, strip(kk.v[0]));
		} else if (k == CXCursor_UnexposedExpr && kk.n == 1 &&
			   type_is_ptr(clang_getCursorType(c)) &&
			   local_array(kk.v[0])) {
			/* a local array decays to its address, &list */
			e = mk(L, EX_ADDR, c);
			e->a = lower_expr(L, strip(kk.v[0]));
		} else if (kk.n == 1 && clang_isExpression(kind_of(kk.v[0]))) {
			e = lower_expr(L, kk.v[0]);
		} else if (is_binary_conditional(c, &kk)) {
			e = lower_binary_conditional(L, c, &kk);
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
			if (cursor_is_ptr(c)) {
				e->is_byte_ptr = byte_pointee(clang_getCursorType(c));
				e->psize = pointee_size(clang_getCursorType(c));
			}
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
		if (e->kind == EX_CONST)
			e->field = const_spelling(L, c);
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
