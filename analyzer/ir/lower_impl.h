/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the six files of the lowering share: lower_cfg.c (cursor
 * helpers, blocks, variables), lower_expr.c (expressions), lower_call.c
 * (calls, conditions), lower_inline.c (flag predicates and predicate
 * locals), lower_switch.c (switch and case) and lower.c (statements, the
 * function).  Private to ir/.
 */
#ifndef KML_LOWER_IMPL_H
#define KML_LOWER_IMPL_H

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
	bool effect_only;	/* lower_effect() of a post-increment */
	/* a flag predicate being inlined (lower_inline.c): its parameters
	 * stand for the call's arguments, its tests sit at the call */
	CXCursor *sub_parm;
	CXCursor *sub_arg;
	int nsub;
	/* while set, instructions and branches are placed at `at` (an
	 * inlined predicate's call, a predicate local's use) */
	bool at_set;
	CXCursor at;
	/* locals assigned once with a flag test (lower_inline.c) */
	struct pred_local *preds;
	int npreds;
};

/* the lowering's own functions, by file of definition */
void get_kids(CXCursor c, struct kids *k);
void free_kids(struct kids *k);
enum CXCursorKind kind_of(CXCursor c);
bool type_is_ptr(CXType t);
bool type_narrow_unsigned(CXType t);
bool type_is_int(CXType t);
bool type_is_array(CXType t);
bool cursor_is_ptr(CXCursor c);
bool byte_pointee(CXType t);
int64_t pointee_size(CXType t);
CXCursor strip(CXCursor c);
bool eval_int(CXCursor c, int64_t *out);
bool last_expr_kid(CXCursor c, CXCursor *out);
bool is_builtin_expect(CXCursor c);
bool var_automatic(CXCursor decl);
char *spelling(CXCursor c);
/* lower_expr.c: the constants a local struct's initialiser list gives
 * its integer members, assigned after the variable */
struct ir_expr *lower_effect(struct lower *L, CXCursor c);
bool lower_array_init(struct lower *L, int var, CXCursor decl,
		      CXCursor list);
void lower_record_init(struct lower *L, struct ir_expr *var, CXCursor list,
		       CXType t, bool ptr_vars);
int new_block(struct lower *L);
struct ir_insn *add_insn(struct lower *L, enum insn_kind kind,
				struct ir_loc loc);
void term_goto(struct lower *L, int target);
void term_branch(struct lower *L, struct ir_expr *cond, int t, int f,
			struct ir_loc loc);
void term_exit(struct lower *L, enum term_kind kind,
		      struct ir_expr *ret, struct ir_loc loc);
void jump_to(struct lower *L, int target);
struct ir_expr *mk(struct lower *L, enum ex_kind kind, CXCursor c);
struct ir_expr *mk_const(struct lower *L, int64_t v, CXCursor c);
struct ir_expr *mk_var(struct lower *L, int var, CXCursor c);
int new_temp(struct lower *L, bool is_ptr);
int map_var(struct lower *L, CXCursor decl);
int label_block(struct lower *L, const char *name);
void emit_assign(struct lower *L, struct ir_expr *lhs,
			struct ir_expr *rhs, CXCursor at);
void emit_use(struct lower *L, struct ir_expr *e, CXCursor at);
void lower_kids_effects(struct lower *L, CXCursor c);
bool lower_stmt_expr_body(struct lower *L, CXCursor c, CXCursor *last);
struct ir_expr *lower_expr(struct lower *L, CXCursor c);
/* lower_place.c: places */
struct ir_expr *lower_member(struct lower *L, CXCursor c);
struct ir_expr *lower_index(struct lower *L, CXCursor c);
struct ir_expr *lower_declref(struct lower *L, CXCursor c);
/* c, once stripped, names a local array of the function */
bool local_array(CXCursor c);
/* c, once stripped, is a member of array type (p->data, s.buf) */
bool array_member(CXCursor c);
struct ir_expr *lower_call(struct lower *L, CXCursor c,
				  struct ir_expr *dest);
void lower_cond(struct lower *L, CXCursor c, int t, int f);
struct ir_expr *lower_subst_param(struct lower *L, CXCursor parm);
bool lower_inline_cond(struct lower *L, CXCursor c, int t, int f);
void lower_pred_locals(struct lower *L, CXCursor body);
bool lower_pred_local_cond(struct lower *L, CXCursor c, int t, int f);
void lower_pred_locals_free(struct lower *L);
struct ir_expr *lower_inline_value(struct lower *L, CXCursor c,
				   struct ir_expr *dest);
void lower_asm(struct lower *L, CXCursor c);
bool is_assign_like(CXCursor c);
void lower_stmt(struct lower *L, CXCursor c);
/* lower_switch.c */
void lower_switch(struct lower *L, CXCursor c);
void lower_case(struct lower *L, CXCursor c);

#endif
