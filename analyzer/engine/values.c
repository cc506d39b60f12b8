// SPDX-License-Identifier: GPL-2.0
/*
 * The algebra of abstract values, apart from where they come from:
 * known bits of a flag word (V_BITS), the masks that keep an address
 * (alignment round-down, low tag bits), literal arithmetic, the logical
 * not, and comparisons (two constants, a -errno or a count against a
 * constant, a known bit that differs, null tests and relations between
 * two null-nesses).  eval.c reads expressions and calls these.
 */
#include <stdint.h>

#include "engine_impl.h"

struct value vbits(uint32_t set, uint32_t clr, bool wide)
{
	struct value v;

	set &= ~clr;
	if (!wide && (set | clr) == 0xffffffffu)
		return vconst(set);
	if (!set && !clr)
		return mkv(V_UNK);
	v = mkv(V_BITS);
	v.c = set;
	v.obj = (int32_t)clr;
	return v;
}

bool value_bits(struct value v, uint32_t *set, uint32_t *clr)
{
	if (v.kind == V_CONST && v.c >= 0 && v.c <= 0xffffffffLL) {
		*set = (uint32_t)v.c;
		*clr = ~(uint32_t)v.c;
		return true;
	}
	if (v.kind == V_BITS) {
		*set = (uint32_t)v.c;
		*clr = (uint32_t)v.obj;
		return true;
	}
	return false;
}

struct value bits_forget(struct value v, uint64_t change)
{
	uint32_t set, clr, may_set = (uint32_t)change,
		 may_clr = (uint32_t)(change >> 32);

	if (!value_bits(v, &set, &clr))
		return mkv(V_UNK);
	/* a bit it may set is no longer known clear, and the other way */
	return vbits(set & ~may_clr, clr & ~may_set, true);
}

/*
 * x | K and x & K with a literal K over a flag word: the bits K forces
 * are known, the others are x's.  A base of unknown bits is kept unknown
 * for &: "x & K" of an unknown x is a test, not a value worth a state.
 */
/* ~(N - 1) for a power of two N up to a page, in 64 or 32 bits: the
 * mask of an alignment round-down. */
bool value_align_mask(struct value m)
{
	uint64_t inv;

	if (m.kind != V_CONST)
		return false;
	inv = ~(uint64_t)m.c;
	if (inv >> 32 == 0xffffffffu)
		return false;
	if ((uint64_t)m.c >> 32 == 0)
		inv = ~(uint32_t)m.c;
	return inv && inv < 4096 && !(inv & (inv + 1));
}

/* ~K for K made of some of the low three bits, where a tagged address
 * keeps its tags: sg_chain() stores ((unsigned long)sgl | SG_CHAIN) &
 * ~SG_END, still the table sgl. */
bool value_tag_mask(struct value m)
{
	uint64_t inv;

	if (m.kind != V_CONST)
		return false;
	inv = ~(uint64_t)m.c;
	if ((uint64_t)m.c >> 32 == 0)
		inv = ~(uint32_t)m.c;
	return inv && inv < 8;
}

struct value value_bit_op(int op, struct value a, const struct ir_expr *e)
{
	const struct ir_expr *k = e->b;
	uint32_t set = 0, clr = 0;
	uint64_t K;
	bool known = value_bits(a, &set, &clr);

	if (!k || k->kind != EX_CONST)
		return mkv(V_UNK);
	K = (uint64_t)k->ival;
	if (op == AR_OR) {
		if (K >> 32)
			return mkv(V_UNK);
		return vbits(set | (uint32_t)K, clr & ~(uint32_t)K, e->is_long);
	}
	if (!known)
		return mkv(V_UNK);
	/* & K: the bits of K's low half kept, the others cleared; bits
	 * above 31 of K unknown unless the value is no wider than 32 */
	set &= (uint32_t)K;
	clr |= ~(uint32_t)K;
	/* a K of bits 0..31 clears the bits above too */
	return vbits(set, clr, e->is_long && (K >> 32));
}

struct value value_not(struct value a)
{
	switch (a.kind) {
	case V_BITS:
		return a.c ? vconst(0) : mkv(V_UNK);
	case V_CONST:
		return vconst(!a.c);
	case V_OBJ:
		return vpred(a.obj, true);
	case V_PRED:
		return vpred(a.obj, !a.pred_null);
	case V_NONNULL:
	case V_ERRPTR:
	case V_NEG:
	case V_POS:
		return vconst(0);
	case V_NE:
		return a.c == 0 ? vconst(0) : mkv(V_UNK);
	case V_NESET:
		return (a.c & 1) ? vconst(0) : mkv(V_UNK);
	case V_REL:
		a.pred_null = !a.pred_null;
		return a;
	default:
		return mkv(V_UNK);
	}
}

int64_t value_arith(int op, int64_t a, int64_t b, bool *ok)
{
	*ok = true;
	switch (op) {
	case AR_ADD: return (int64_t)((uint64_t)a + (uint64_t)b);
	case AR_SUB: return (int64_t)((uint64_t)a - (uint64_t)b);
	case AR_MUL: return (int64_t)((uint64_t)a * (uint64_t)b);
	case AR_AND: return a & b;
	case AR_OR: return a | b;
	case AR_XOR: return a ^ b;
	case AR_SHL: return b >= 0 && b < 63 ? (int64_t)((uint64_t)a << b) : 0;
	case AR_SHR: return b >= 0 && b < 63 ? a >> b : 0;
	case AR_DIV:
		if (b && !(a == INT64_MIN && b == -1))
			return a / b;
		break;
	case AR_REM:
		if (b && !(a == INT64_MIN && b == -1))
			return a % b;
		break;
	case AR_NEG: return (int64_t)(0 - (uint64_t)a);
	case AR_BITNOT: return ~a;
	}
	*ok = false;
	return 0;
}

/* !a == !b, !!a != !!b...: a relation between two null-nesses */
static struct value rel_values(int op, struct value a, struct value b)
{
	struct value r = mkv(V_REL);
	bool differ = op == CMP_NE;

	if (a.obj == b.obj)
		return mkv(V_UNK);
	if (a.pred_null != b.pred_null)
		differ = !differ;
	r.obj = a.obj;
	r.c = b.obj;
	r.pred_null = differ;
	return r;
}

struct value value_cmp(int op, struct value a, struct value b)
{
	bool eq;

	if (a.kind == V_CONST && b.kind == V_CONST) {
		switch (op) {
		case CMP_EQ: return vconst(a.c == b.c);
		case CMP_NE: return vconst(a.c != b.c);
		case CMP_LT: return vconst(a.c < b.c);
		case CMP_GT: return vconst(a.c > b.c);
		case CMP_LE: return vconst(a.c <= b.c);
		case CMP_GE: return vconst(a.c >= b.c);
		}
	}
	/* a -errno against k >= 0: below it, and never equal; a count
	 * against k <= 0: above it */
	if ((b.kind == V_NEG || b.kind == V_POS) && a.kind == V_CONST) {
		struct value t = a;

		a = b;
		b = t;
		switch (op) {
		case CMP_LT: op = CMP_GT; break;
		case CMP_GT: op = CMP_LT; break;
		case CMP_LE: op = CMP_GE; break;
		case CMP_GE: op = CMP_LE; break;
		}
	}
	if (a.kind == V_NEG && b.kind == V_CONST && b.c >= 0) {
		switch (op) {
		case CMP_EQ: return vconst(0);
		case CMP_NE: return vconst(1);
		case CMP_LT: case CMP_LE: return vconst(1);
		default: return vconst(0);
		}
	}
	if (a.kind == V_POS && b.kind == V_CONST && b.c >= 0 && b.c <= 1) {
		switch (op) {
		case CMP_EQ: return b.c <= 0 ? vconst(0) : mkv(V_UNK);
		case CMP_NE: return b.c <= 0 ? vconst(1) : mkv(V_UNK);
		case CMP_GE: return vconst(1);
		case CMP_LT: return vconst(0);
		case CMP_GT: return b.c <= 0 ? vconst(1) : mkv(V_UNK);
		default: return b.c <= 0 ? vconst(0) : mkv(V_UNK); /* LE */
		}
	}
	if (op != CMP_EQ && op != CMP_NE)
		return mkv(V_UNK);
	eq = op == CMP_EQ;
	if (a.kind == V_PRED && b.kind == V_PRED)
		return rel_values(op, a, b);
	if (a.kind == V_CONST) {
		struct value t = a;

		a = b;
		b = t;
	}
	if (b.kind != V_CONST)
		return mkv(V_UNK);
	if (a.kind == V_NE && a.c == b.c)
		return vconst(!eq);
	if (a.kind == V_NESET && b.c >= 0 && b.c < 64 &&
	    ((uint64_t)a.c & (1ULL << b.c)))
		return vconst(!eq);
	if (a.kind == V_BITS && b.c >= 0 && b.c <= 0xffffffffLL &&
	    ((((uint64_t)a.c & ~(uint64_t)b.c) & 0xffffffffu) ||
	     ((uint32_t)a.obj & (uint32_t)b.c)))
		return vconst(!eq);	/* a known bit differs */
	/* a block compared with all ones: the sentinel a function returns
	 * where it allocated nothing (hyperv_fb's hvfb_get_phymem() returns
	 * the block's physical address or (phys_addr_t)-1), which no block
	 * is, so the edge where they are equal is the failure's, as for 0 */
	if (a.kind == V_OBJ && b.c == -1)
		return vpred(a.obj, eq);
	if (b.c != 0)
		return mkv(V_UNK);
	/* a ==/!= 0 */
	switch (a.kind) {
	case V_OBJ:
		return vpred(a.obj, eq);
	case V_PRED:
		return vpred(a.obj, eq ? !a.pred_null : a.pred_null);
	case V_NONNULL:
	case V_ERRPTR:
		return vconst(!eq);
	case V_REL:
		return eq ? value_not(a) : a;
	default:
		return mkv(V_UNK);
	}
}
