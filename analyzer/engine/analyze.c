// SPDX-License-Identifier: GPL-2.0
/*
 * One translation unit: the table of function definitions, summaries
 * computed bottom-up on demand (a callee is explored before the call that
 * needs its summary; recursion sees no summary), and the exploration of
 * every function of the main file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "engine_impl.h"
#include "../checkers/checkers.h"
#include "../ir/lower.h"
#include "../util/strvec.h"

#define MAX_SUMMARY_DEPTH 12
#define MAX_CALLEE_BLOCKS 400

struct collect_ctx {
	struct tu_ctx *tu;
	struct strvec main_fns;
};

static enum CXChildVisitResult collect_fn(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct collect_ctx *cc = data;
	struct fn_entry *e;
	CXString s;
	const char *name;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	s = clang_getCursorSpelling(c);
	name = clang_getCString(s);
	if (!hmap_get(&cc->tu->fns, name)) {
		e = xcalloc(1, sizeof(*e));
		e->name = xstrdup(name);
		e->def = c;
		hmap_put(&cc->tu->fns, name, e);
		if (clang_Location_isFromMainFile(clang_getCursorLocation(c)))
			strvec_push(&cc->main_fns, name);
	}
	clang_disposeString(s);
	return CXChildVisit_Continue;
}

static void free_fn_entry(void *p)
{
	struct fn_entry *e = p;

	free(e->name);
	free(e->sum.ret_api);
	free(e->sum.file);
	free(e);
}

static void explore_fn(struct tu_ctx *tu, struct fn_entry *e)
{
	struct engine en;
	struct ir_func *fn;

	memset(&en, 0, sizeof(en));
	fn = ir_lower_function(tu->tu, e->def);
	e->sum.file = xstrdup(fn->file);
	if (fn->too_complex) {
		if (tu->verbose)
			fprintf(stderr, "kmemlint: %s: %s(): too large to lower, skipped\n",
				fn->file, fn->name);
		ir_func_free(fn);
		return;
	}
	if (!fn->in_main_file && fn->nblocks > MAX_CALLEE_BLOCKS) {
		ir_func_free(fn);
		return;
	}
	if (tu->dump_ir && fn->in_main_file)
		ir_dump(fn, stderr);
	en.tu = tu;
	en.fn = fn;
	en.self = e;
	en.reporting = fn->in_main_file;
	hmap_init(&en.pathmap);
	engine_explore(&en);
	if (fn->in_main_file)
		tu->nfuncs++;
	hmap_free(&en.pathmap, NULL);
	free(en.paths);
	free(en.sites);
	ir_func_free(fn);
}

struct summary *tu_get_summary(struct tu_ctx *tu, const char *name)
{
	struct fn_entry *e = hmap_get(&tu->fns, name);

	if (!e)
		return NULL;
	if (e->sum.done)
		return &e->sum;
	if (e->sum.in_progress || tu->depth >= MAX_SUMMARY_DEPTH)
		return NULL;	/* recursion: no summary */
	e->sum.in_progress = true;
	tu->depth++;
	explore_fn(tu, e);
	tu->depth--;
	e->sum.in_progress = false;
	e->sum.done = true;
	return &e->sum;
}

void analyze_tu(CXTranslationUnit tu, const struct analyze_opts *opts,
		struct finding_list *out, struct analyze_stats *stats)
{
	struct collect_ctx cc;
	struct tu_ctx ctx;
	size_t i;

	memset(&ctx, 0, sizeof(ctx));
	ctx.tu = tu;
	hmap_init(&ctx.fns);
	ctx.checkers = all_checkers;
	ctx.ncheckers = nr_checkers;
	ctx.out = out;
	ctx.budget = opts->budget > 0 ? opts->budget : 20000;
	ctx.verbose = opts->verbose;
	ctx.dump_ir = opts->dump_ir;
	cc.tu = &ctx;
	strvec_init(&cc.main_fns);
	clang_visitChildren(clang_getTranslationUnitCursor(tu), collect_fn, &cc);
	for (i = 0; i < cc.main_fns.n; i++)
		tu_get_summary(&ctx, cc.main_fns.v[i]);
	if (stats) {
		stats->functions += ctx.nfuncs;
		stats->budget_hit += ctx.nbudget_hit;
	}
	strvec_clear(&cc.main_fns);
	hmap_free(&ctx.fns, free_fn_entry);
}
