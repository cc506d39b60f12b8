/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_ENGINE_H
#define KML_ENGINE_H

/*
 * The path-sensitive engine: explores a function's CFG as a worklist of
 * (block, state) pairs, memoised per block, and tells the checkers what
 * happens on each path through events.  Checkers never see the AST.
 */

#include <stdbool.h>
#include <stdint.h>

#include "../ir/ir.h"
#include "apitable.h"

enum nullness { NL_MAYBE, NL_NULL, NL_NONNULL };

enum vkind {
	V_UNK,
	V_CONST,	/* integer c (0 is also NULL) */
	V_OBJ,		/* pointer into tracked object obj */
	V_PRED,		/* boolean: "obj is NULL" (pred_null) or "is not NULL" */
	V_NONNULL,	/* untracked pointer known not to be NULL */
};

struct value {
	uint8_t kind;
	uint8_t pred_null;
	int32_t obj;
	int64_t c;
};

/* objst.flags */
#define OF_CHECKED	0x01	/* compared against NULL on this path */
#define OF_FREED	0x02
#define OF_ESCAPED	0x04	/* stored where it outlives the function */
#define OF_PARAM	0x08	/* stands for a parameter (summaries) */
#define OF_DEREFED	0x10	/* used as non-NULL on this path */
#define OF_MERGED	0x20	/* state joined after the budget ran out */

#define FAMILY_PARAM	(-2)

struct objst {
	int32_t id;		/* call site, or -(param + 1) */
	int16_t family;		/* api family id, FAMILY_PARAM */
	uint8_t null;		/* enum nullness */
	uint8_t flags;
	int16_t order;		/* page order, -1 unknown */
	uint8_t can_fail;
	uint8_t pad;
};

struct binding {
	int32_t path;
	struct value v;
};

struct state {
	struct binding *b;
	int nb;
	int balloc;
	struct objst *o;
	int no;
	int oalloc;
	uint64_t hash;
};

struct engine;

/* Where a tracked object came from (not part of the state: per site). */
struct site_info {
	struct ir_loc loc;
	struct ir_loc free_loc;	/* where it was last freed on some path */
	const char *free_callee;
	const char *callee;	/* the allocator called */
	const char *via;	/* wrapper: the allocator inside it, or NULL */
};

/* Events.  Each checker fills in the hooks it needs. */
struct checker {
	const char *rule;
	const char *summary;
	void (*on_deref)(struct engine *en, struct state *st,
			 const struct value *v, const struct ir_expr *e,
			 struct ir_loc loc, const char *via_callee,
			 const struct ir_loc *via_loc, const char *via_file);
	void (*on_call)(struct engine *en, struct state *st,
			const struct ir_call *call, const struct api_entry *api,
			const struct value *args, struct ir_loc loc);
	/* o is released by api (a rules-table deallocator) or, when api is
	 * NULL, by the local function callee whose summary frees it */
	void (*on_free)(struct engine *en, struct state *st, struct objst *o,
			const struct ir_call *call, const struct api_entry *api,
			const struct value *args, int nargs, struct ir_loc loc);
	void (*on_return)(struct engine *en, struct state *st,
			  const struct value *v, struct ir_loc loc);
	void (*on_end)(struct engine *en, struct state *st, struct ir_loc loc);
};

/* Accessors for checkers. */
struct objst *engine_obj(struct state *st, int32_t id);
const struct site_info *engine_site(struct engine *en, int32_t id);
char *engine_expr_str(struct engine *en, const struct ir_expr *e);

struct trace_note {
	const char *file;	/* NULL: the function's file */
	struct ir_loc loc;
	char *msg;		/* owned */
};

/*
 * The "allocated here" (when the allocator is known) and "freed here"
 * notes of an object; returns how many of notes[0..1] it filled.
 */
int engine_alloc_free_notes(const struct site_info *si,
			    struct trace_note *notes);

/* Report a finding in the function being explored (main file only). */
void engine_report(struct engine *en, const char *rule, struct ir_loc loc,
		   char *msg, struct trace_note *notes, int nnotes);

#endif
