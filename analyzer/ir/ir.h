/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_IR_H
#define KML_IR_H

/*
 * Function IR: a CFG of basic blocks holding simple instructions (assign,
 * call, use, return) over small expression trees whose leaves are
 * variables and constants.  Calls, assignments, &&, ||, ?: and statement
 * expressions are taken out of expressions while lowering, so evaluating an
 * ir_expr has no side effects and follows no control flow.
 */

#include <stdbool.h>
#include <stdint.h>

struct ir_loc {
	unsigned line;
	unsigned col;
};

static inline bool ir_loc_same(struct ir_loc a, struct ir_loc b)
{
	return a.line == b.line && a.col == b.col;
}

enum ex_kind {
	EX_UNKNOWN,	/* value we do not model */
	EX_CONST,	/* integer constant (clang-evaluated) */
	EX_STR,		/* string literal: non-NULL */
	EX_FUNC,	/* function designator (fn, &fn): non-NULL, named */
	EX_VAR,		/* variable (local, parameter, global, temporary) */
	EX_MEMBER,	/* a->f or a.f */
	EX_INDEX,	/* a[b] */
	EX_DEREF,	/* *a */
	EX_ADDR,	/* &a */
	EX_NOT,		/* !a */
	EX_CMP,		/* a op b, op: CMP_* */
	EX_ARITH,	/* a op b, op: AR_*; b may be NULL for unary ops */
};

enum { CMP_EQ, CMP_NE, CMP_LT, CMP_GT, CMP_LE, CMP_GE };
enum { AR_ADD, AR_SUB, AR_MUL, AR_DIV, AR_REM, AR_AND, AR_OR, AR_XOR,
       AR_SHL, AR_SHR, AR_NEG, AR_BITNOT, AR_OTHER };

struct ir_expr {
	enum ex_kind kind;
	int op;
	bool arrow;		/* EX_MEMBER: base is a pointer */
	bool base_is_ptr;	/* EX_INDEX: base is a pointer, not an array */
	bool is_ptr;		/* the expression has pointer type */
	bool is_long;		/* an integer as wide as a pointer (page addresses) */
	bool nonneg;		/* an unsigned integer narrower than int (u8, u16,
				 * bool): never negative once promoted */
	bool is_byte;		/* nonneg and one byte wide (u8, bool): at most
				 * 255 */
	bool is_record;		/* a struct or union value */
	bool is_byte_ptr;	/* a void * or char *: arithmetic counts bytes */
	int64_t psize;		/* pointer: the size of what it points to,
				 * 0 when unknown (void, incomplete) */
	int var;		/* EX_VAR */
	int64_t ival;		/* EX_CONST */
	const char *field;	/* EX_MEMBER (interned in the function); EX_FUNC: name;
				 * EX_CONST: a folded sizeof's spelling, or NULL */
	const char *rec;	/* EX_MEMBER: record type of the base ("struct foo") */
	bool rec_local;		/* EX_MEMBER: that record type is defined in the
				 * main file, so no other unit writes its fields */
	bool sw_last;		/* EX_CMP: a switch's last case test, whose
				 * false edge goes to its default (or past it):
				 * the value matched none of the cases */
	struct ir_expr *a, *b;
	struct ir_loc loc;
};

enum var_kind { VAR_LOCAL, VAR_PARAM, VAR_GLOBAL, VAR_TEMP };

struct ir_var {
	char *name;
	char *gname;		/* VAR_GLOBAL: "name", "fn::name" when static local */
	enum var_kind kind;
	int param;		/* parameter index for VAR_PARAM */
	bool is_ptr;
	bool is_long;
	bool is_static;		/* VAR_GLOBAL of internal linkage: a static
				 * of this file, which no other file's
				 * function can name */
	const char *ptype;	/* a pointer to a record: the record type
				 * ("struct page"), else NULL */
	bool cleanup;		/* VAR_LOCAL with a cleanup attribute
				 * (`p __free(kfree)`): what it holds when
				 * it goes out of scope is released */
};

struct ir_call {
	char *callee;		/* direct call: function name; else NULL */
	struct ir_expr *fnexpr;	/* indirect call: the callee expression */
	struct ir_expr **args;
	int nargs;
	struct ir_expr *dest;	/* lvalue receiving the result, or NULL */
	int site;		/* call-site number, the object identity */
	bool result_unused;	/* a statement of its own (foo(x);): the
				 * value it returns is never read */
};

enum insn_kind {
	I_ASSIGN,	/* lhs = rhs */
	I_CALL,		/* [dest =] callee(args) */
	I_USE,		/* expression evaluated for its accesses only */
	I_ESCAPE,	/* rhs's value flows into an operation the engine
			 * does not model (an inline asm operand): whatever
			 * it points to may be kept there */
};

struct ir_insn {
	enum insn_kind kind;
	struct ir_loc loc;
	struct ir_expr *lhs;
	struct ir_expr *rhs;
	struct ir_call *call;
};

enum term_kind {
	T_NONE,		/* block still open while lowering */
	T_GOTO,		/* succ[0] */
	T_BRANCH,	/* cond ? succ[0] : succ[1] */
	T_RETURN,	/* ret (may be NULL) */
	T_UNREACHABLE,	/* after a noreturn call: the path ends, no leak */
};

struct ir_block {
	int id;
	struct ir_insn *insns;
	int ninsns;
	int nalloc;
	enum term_kind term;
	struct ir_expr *cond;
	struct ir_expr *ret;
	struct ir_loc term_loc;
	int succ[2];
};

struct ir_func {
	char *name;
	char *key;		/* summary key: name, or file:name when static */
	char *file;		/* file the function is defined in */
	bool is_static;
	struct ir_loc loc;
	bool in_main_file;	/* findings are reported only here */
	bool returns_ptr;
	bool returns_bool;	/* _Bool: true is the success (kernel
				 * convention for bool functions) */
	bool returns_narrow;	/* an integer narrower than a pointer (int):
				 * it cannot carry an address */
	int8_t lock_contract;	/* Sparse's context annotations in the
				 * definition: +1 per __acquires(), -1 per
				 * __releases() */
	struct ir_var *vars;
	int nvars;
	int nparams;
	struct ir_block *blocks;
	int nblocks;
	int ncallsites;
	bool too_complex;	/* lowering gave up; see lower.c */
	bool unreferenced;	/* static, and the main file names it nowhere
				 * but in its own body: dead code
				 * (frontend/tu.c) */
	void *arena;		/* everything above is allocated from it */
};

void ir_func_free(struct ir_func *fn);
void ir_dump(const struct ir_func *fn, void *file);
void ir_dump_expr(const struct ir_func *fn, const struct ir_expr *e,
		  void *file);

#endif
