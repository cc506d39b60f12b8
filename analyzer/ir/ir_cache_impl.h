/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the IR cache's writer (ir_cache_write.c) and reader
 * (ir_cache_read.c) share: the header, the checksum, and what the engine
 * takes for granted of the IR, checked on both sides.  Private to ir/.
 */
#ifndef KML_IR_CACHE_IMPL_H
#define KML_IR_CACHE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"

#define MAGIC "KMLIRC\n"	/* 8 bytes with its NUL */
#define VERSION 23u	/* 23: a folded sizeof keeps its spelling (EX_CONST field); 22: a static function the main file names nowhere (unreferenced); 21: a switch's last case test (sw_last); 20: a pointer variable's pointee record type (ptype); 19: a global's internal linkage (is_static); 18: module_init() recorded as a store into module.init; 17: a compound literal assigned to a place stores its pointer variables and constants in the members, a switch on a member chain tests the member itself, a function's lock contract (__acquires/__releases); 16: a one-byte unsigned integer (is_byte); 15: a call's result_unused (a dropped result); 14: a local struct initialiser list assigns the parameters it names; 13: an unsigned integer narrower than int is never negative; 12: a switch over every enumerator of an enum has no fall-past edge, a local struct initialiser list assigns its integer constants; 11: returns_bool; 10: GNU a ?: b evaluates a once; 9: a local array decays to its address; 8: a member's record type defined in the main file; 7: flag predicates inlined; 6: an array member decays to its address; 5: *p of an array decays to p; 2: defined names as hashes; 3: cleanup vars;
			 * 4: the implicit return at the closing brace, and
			 * I_ESCAPE (inline asm operands) */
#define HEADER 28	/* magic, version (4), payload length (8), FNV-1a (8) */

/* The children an expression of this kind must have (the engine reads
 * them without a check). */
static inline bool needs_a(enum ex_kind k)
{
	return k == EX_MEMBER || k == EX_INDEX || k == EX_DEREF ||
	       k == EX_ADDR || k == EX_NOT || k == EX_CMP || k == EX_ARITH;
}

static inline bool needs_b(enum ex_kind k)
{
	return k == EX_INDEX || k == EX_CMP;
}

/* What the engine takes for granted of an instruction and a block. */
static inline bool insn_ok(enum insn_kind kind, const struct ir_expr *lhs,
		    const struct ir_expr *rhs, const struct ir_call *call)
{
	switch (kind) {
	case I_ASSIGN:
		return lhs && rhs && !call;
	case I_USE:
	case I_ESCAPE:
		return rhs && !call;
	case I_CALL:
		return call && (call->callee || call->fnexpr) &&
		       call->nargs >= 0;
	}
	return false;
}

static inline bool term_ok(const struct ir_block *bl, int nblocks)
{
	if (bl->term == T_GOTO || bl->term == T_BRANCH)
		if (bl->succ[0] < 0 || bl->succ[0] >= nblocks)
			return false;
	if (bl->term == T_BRANCH)
		return bl->cond && bl->succ[1] >= 0 && bl->succ[1] < nblocks;
	return (unsigned)bl->term <= T_UNREACHABLE;
}

/* Operators index tables of names. */
static inline bool op_ok(enum ex_kind k, int op)
{
	return k == EX_CMP ? op >= CMP_EQ && op <= CMP_GE :
	       k == EX_ARITH ? op >= AR_ADD && op <= AR_OTHER : true;
}

static inline uint64_t fnv64(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}


/* The names a unit defines are kept as a sorted set of 32-bit FNV-1a
 * hashes (delta-coded): a name that collides with one of them only costs
 * a parse it did not need (ir_cache_get: "defined, not cached"). */
static inline uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

#endif
