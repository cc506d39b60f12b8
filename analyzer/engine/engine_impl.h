/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_ENGINE_IMPL_H
#define KML_ENGINE_IMPL_H

/* Internals shared by the engine's files; checkers use engine.h only. */

#include <clang-c/Index.h>

#include "engine.h"
#include "../report/finding.h"
#include "../util/hmap.h"

#define MAX_PARAMS 32

struct summary {
	bool done;
	bool in_progress;
	unsigned deref_params;		/* bit i: parameter i dereferenced */
	struct ir_loc deref_loc[MAX_PARAMS];
	unsigned free_params;		/* bit i: parameter i freed */
	unsigned free_on_nonzero;	/* ... on a path returning non-zero */
	unsigned free_on_zero;		/* ... on a path returning 0 */
	unsigned free_on_unknown;	/* ... returning something unknown */
	struct ir_loc free_loc[MAX_PARAMS];
	bool ret_alloc;			/* returns a fresh allocation */
	int ret_family;
	bool ret_may_null;
	char *ret_api;			/* the allocator inside */
	char *file;			/* file of the function */
};

struct fn_entry {
	char *name;
	CXCursor def;
	struct summary sum;
};

struct tu_ctx {
	CXTranslationUnit tu;
	struct hmap fns;		/* name -> struct fn_entry */
	const struct checker *const *checkers;
	int ncheckers;
	struct finding_list *out;
	int budget;
	int depth;
	bool verbose;
	bool dump_ir;
	int nfuncs;
	int nbudget_hit;
};

struct path {
	int parent;		/* -1 for a variable */
	int var;
	char kind;		/* 'v' var, '>' arrow, '.' dot, '[' index, '*' */
	const char *field;
	int64_t idx;		/* '[': constant index, or INT64_MIN: any */
};

struct engine {
	struct tu_ctx *tu;
	struct ir_func *fn;
	struct fn_entry *self;
	struct path *paths;
	int npaths;
	int apaths;
	struct hmap pathmap;
	struct site_info *sites;
	int nsites;
	bool reporting;
};

void engine_explore(struct engine *en);
struct summary *tu_get_summary(struct tu_ctx *tu, const char *name);

#endif
