// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: NAME(n * size) where NAME has an `array` variant
 * (rules/deprecated.rules) and a factor of the product is not a constant
 * on this path, nor bounded small enough that the product cannot wrap.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "deprecated_api.h"
#include "../util/strvec.h"

/* Factors of a product, with at least one not constant on this path. */
static bool variable_product(struct engine *en, struct state *st,
			     const struct ir_expr *e, int depth)
{
	struct value v;

	if (depth > 8 || !e)
		return false;
	if (e->kind == EX_ARITH && e->op == AR_MUL && e->b)
		return variable_product(en, st, e->a, depth + 1) ||
		       variable_product(en, st, e->b, depth + 1);
	v = engine_eval(en, st, e);
	return v.kind != V_CONST;
}

/*
 * The largest value the product e can take, or -1 when a factor has no
 * bound: a constant, or an unsigned integer narrower than int (255 for
 * u8, 65535 for u16).  rtw88's kzalloc(page_size * pages) of two u8
 * cannot wrap: no open-coded multiplication kcalloc() would guard.
 */
static int64_t product_bound(const struct ir_expr *e, int depth)
{
	int64_t a, b;

	if (depth > 8 || !e)
		return -1;
	if (e->kind == EX_ARITH && e->op == AR_MUL && e->b) {
		a = product_bound(e->a, depth + 1);
		b = product_bound(e->b, depth + 1);
		if (a < 0 || b < 0 || (a && b > INT64_MAX / a))
			return -1;
		return a * b;
	}
	if (e->kind == EX_CONST)
		return e->ival < 0 ? -1 : e->ival;
	if (e->nonneg)
		return e->is_byte ? 255 : 65535;
	return -1;
}

struct strbuf_lite {
	char buf[256];
	size_t n;
};

static void sb_add(struct strbuf_lite *sb, const char *s)
{
	size_t l = strlen(s);

	if (sb->n + l >= sizeof(sb->buf))
		l = sizeof(sb->buf) - 1 - sb->n;
	memcpy(sb->buf + sb->n, s, l);
	sb->n += l;
	sb->buf[sb->n] = '\0';
}

/* "n * 4": the factors of a product as the engine names them */
static void product_str(struct engine *en, const struct ir_expr *e,
			struct strbuf_lite *out, int depth)
{
	char *s;

	if (depth < 8 && e && e->kind == EX_ARITH && e->op == AR_MUL && e->b) {
		product_str(en, e->a, out, depth + 1);
		sb_add(out, " * ");
		product_str(en, e->b, out, depth + 1);
		return;
	}
	/* a sum or a shift among the factors, spelled whole: sizeof(*w) *
	 * (2 * n + m) read "320 * 2" (engine_expr_str() names a pointer
	 * expression by its base) */
	if (e && e->kind == EX_CONST && e->field) {	/* sizeof(*p) */
		sb_add(out, e->field);
		return;
	}
	s = e && e->kind == EX_ARITH ? engine_cond_str(en, e) : NULL;
	if (!s)
		s = engine_expr_str(en, e);
	sb_add(out, s);
	free(s);
}

/* The same variable or the same constant. */
static bool same_operand(const struct ir_expr *a, const struct ir_expr *b)
{
	if (!a || !b || a->kind != b->kind)
		return false;
	if (a->kind == EX_CONST)
		return a->ival == b->ival;
	if (a->kind == EX_VAR)
		return a->var == b->var;
	return false;
}

/* (n + k - 1) / k * k: roundup(), a multiple of k no larger than n plus
 * k, not a count of elements times their size */
static bool rounding(const struct ir_expr *e)
{
	const struct ir_expr *q = e->a, *k = e->b;

	if (q && q->kind == EX_ARITH && q->op == AR_DIV &&
	    same_operand(q->b, k))
		return true;
	q = e->b;
	k = e->a;
	return q && q->kind == EX_ARITH && q->op == AR_DIV &&
	       same_operand(q->b, k);
}

void deprecated_check_array(struct engine *en, struct state *st,
			    const struct call_info *c)
{
	const struct api_entry *api = c->api;
	const struct ir_expr *e;
	struct trace_note note;
	struct strbuf_lite sb = { "", 0 };
	const char *s;
	int64_t b;

	if (!(api->roles & ROLE_ARRAY) || api->size_arg == API_NONE ||
	    api->size_arg2 != API_NONE || api->size_arg >= c->call->nargs)
		return;
	e = c->call->args[api->size_arg];
	if (!e || e->kind != EX_ARITH || e->op != AR_MUL || !e->b ||
	    rounding(e) || c->args[api->size_arg].kind == V_CONST ||
	    !variable_product(en, st, e, 0))
		return;
	b = product_bound(e, 0);
	if (b >= 0 && b <= INT32_MAX)
		return;
	product_str(en, e, &sb, 0);
	s = sb.buf;
	note.file = NULL;
	note.loc = c->loc;
	note.msg = xstrfmt("%s() returns a block smaller than asked for when %s wraps around; %s() fails instead",
			   api->name, s, api->array);
	engine_report(en, RULE, c->loc,
		      xstrfmt("%s() with the open-coded multiplication %s as its size: use %s(), which checks it for overflow",
			      api->name, s, api->array),
		      &note, 1);
}
