// SPDX-License-Identifier: GPL-2.0
/*
 * A parsed translation unit's function definitions.  Collecting them is
 * cheap (a walk of the top-level cursors); lowering is not, so a function
 * is lowered only when the engine first asks for it (a main-file function,
 * or a header inline that one of them calls), then kept until the unit is
 * done: the summary pass and the reporting pass share one lowering.
 */
#include <stdlib.h>
#include <string.h>

#include "tu.h"
#include "inits.h"
#include "../ir/lower.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

struct tu_fn {
	CXCursor def;
	struct ir_func *ir;
	bool lowered;
};

struct tu_funcs {
	CXTranslationUnit tu;
	struct hmap fns;		/* name -> struct tu_fn */
	struct strvec main_fns;
	struct fn_init_list inits;
	struct hmap named;		/* functions the main file names outside
					 * their own body (refs_visit) */
	bool skipped_bodies;		/* the parse skipped some bodies */
	CXFile main_file;		/* or NULL: clang did not name it */
};

/* Written in the main file, or expanded there from a macro
 * (DEFINE_TIMER(), DECLARE_TASKLET()).  The expansion's file is compared
 * with the main file's: clang_getLocation() of it would look the file up
 * among every source-location entry of the unit, a scan per header
 * declaration that cost a fifth of a scan's CPU. */
static bool expanded_in_main_file(struct tu_funcs *tf, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXFile file;
	unsigned line, col;

	if (clang_Location_isFromMainFile(loc))
		return true;
	clang_getExpansionLocation(loc, &file, &line, &col, NULL);
	if (!file)
		return false;
	if (tf->main_file)
		return clang_File_isEqual(file, tf->main_file);
	return clang_Location_isFromMainFile(clang_getLocation(tf->tu, file,
							       line, col));
}

unsigned tu_parse_options(void)
{
	const char *lever = getenv("KMEMLINT_PARSE");
	unsigned opts = CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;

	if (lever && !strcmp(lever, "preamble"))
		opts |= CXTranslationUnit_PrecompiledPreamble |
			CXTranslationUnit_CreatePreambleOnFirstParse |
			CXTranslationUnit_SkipFunctionBodies |
			CXTranslationUnit_LimitSkipFunctionBodiesToPreamble;
	return opts;
}

static enum CXChildVisitResult has_body(CXCursor c, CXCursor parent,
					CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return CXChildVisit_Continue;
	*(bool *)data = true;
	return CXChildVisit_Break;
}

/*
 * The functions the main file names: called, stored, or named anywhere
 * else (a built-in initcall's `static_assert(__same_type(initcall_t,
 * &fn))`, whose section entry is asm; a static local's initialiser; a
 * macro's body).  A static function of the file named nowhere but in
 * its own body is dead code (ir_func.unreferenced).  Read from the
 * syntax, not the IR: the lowering inlines predicates and drops what
 * it does not model.
 */
struct refs_walk {
	struct hmap *named;
	const char *self;	/* the function whose body is walked */
};

static enum CXChildVisitResult refs_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct refs_walk *w = data;
	CXCursor to;
	CXString n;
	const char *name;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	to = clang_getCursorReferenced(c);
	if (clang_getCursorKind(to) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	n = clang_getCursorSpelling(to);
	name = clang_getCString(n);
	if ((!w->self || strcmp(name, w->self)) && !hmap_get(w->named, name))
		hmap_put(w->named, name, (void *)1);
	clang_disposeString(n);
	return CXChildVisit_Continue;
}

static void refs_collect(struct tu_funcs *tf, CXCursor c)
{
	struct refs_walk w = { &tf->named, NULL };
	CXString s = clang_getCursorSpelling(c);

	if (clang_getCursorKind(c) == CXCursor_FunctionDecl)
		w.self = clang_getCString(s);
	clang_visitChildren(c, refs_visit, &w);
	clang_disposeString(s);
}

static enum CXChildVisitResult collect_fn(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct tu_funcs *tf = data;
	struct tu_fn *f;
	CXString s;
	const char *name;

	(void)parent;
	if (expanded_in_main_file(tf, c))
		refs_collect(tf, c);
	if (clang_getCursorKind(c) == CXCursor_VarDecl &&
	    expanded_in_main_file(tf, c)) {
		fn_inits_collect(c, &tf->inits);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if (expanded_in_main_file(tf, c))
		fn_inits_module(c, &tf->inits);
	if (tf->skipped_bodies) {
		/* a body the parse skipped is a declaration, not an empty
		 * function that does nothing */
		bool body = false;

		clang_visitChildren(c, has_body, &body);
		if (!body)
			return CXChildVisit_Continue;
	}
	s = clang_getCursorSpelling(c);
	name = clang_getCString(s);
	if (!hmap_get(&tf->fns, name)) {
		f = xcalloc(1, sizeof(*f));
		f->def = c;
		hmap_put(&tf->fns, name, f);
		if (clang_Location_isFromMainFile(clang_getCursorLocation(c)))
			strvec_push(&tf->main_fns, name);
	}
	clang_disposeString(s);
	return CXChildVisit_Continue;
}

struct tu_funcs *tu_funcs_collect(CXTranslationUnit tu)
{
	struct tu_funcs *tf = xcalloc(1, sizeof(*tf));
	CXString spelling;

	tf->tu = tu;
	spelling = clang_getTranslationUnitSpelling(tu);
	tf->main_file = clang_getFile(tu, clang_getCString(spelling));
	clang_disposeString(spelling);
	tf->skipped_bodies = (tu_parse_options() &
			      CXTranslationUnit_SkipFunctionBodies) != 0;
	hmap_init(&tf->fns);
	hmap_init(&tf->named);
	strvec_init(&tf->main_fns);
	clang_visitChildren(clang_getTranslationUnitCursor(tu), collect_fn, tf);
	return tf;
}

static struct ir_func *get_fn(void *ctx, const char *name)
{
	struct tu_funcs *tf = ctx;
	struct tu_fn *f = hmap_get(&tf->fns, name);

	if (!f)
		return NULL;
	if (!f->lowered) {
		f->lowered = true;
		f->ir = ir_lower_function(tf->tu, f->def);
		if (f->ir)
			f->ir->unreferenced = f->ir->is_static &&
					      f->ir->in_main_file &&
					      !hmap_get(&tf->named, name);
	}
	return f->ir;
}

void tu_funcs_program(struct tu_funcs *tf, struct ir_program *prog)
{
	prog->ctx = tf;
	prog->get = get_fn;
	prog->main_fns = (const char *const *)tf->main_fns.v;
	prog->nmain = (int)tf->main_fns.n;
	prog->fn_inits = tf->inits.v;
	prog->nfn_inits = (int)tf->inits.n;
}

void tu_funcs_lowered(struct tu_funcs *tf, struct strvec *defined,
		      struct ir_func ***fns, int *nfns)
{
	size_t i;

	*nfns = 0;
	*fns = xcalloc(tf->fns.n + 1, sizeof(**fns));
	for (i = 0; i < tf->fns.cap; i++) {
		struct tu_fn *f = tf->fns.slots[i].val;

		if (!tf->fns.slots[i].key)
			continue;
		strvec_push(defined, tf->fns.slots[i].key);
		if (f->ir)
			(*fns)[(*nfns)++] = f->ir;
	}
}

static void free_fn(void *p)
{
	struct tu_fn *f = p;

	ir_func_free(f->ir);
	free(f);
}

void tu_funcs_free(struct tu_funcs *tf)
{
	if (!tf)
		return;
	hmap_free(&tf->fns, free_fn);
	hmap_free(&tf->named, NULL);
	strvec_clear(&tf->main_fns);
	fn_inits_free(&tf->inits);
	free(tf);
}

/* ---- constants of the installed headers ---- */

/* the masks and flags messages name (ir/program.h) */
#define G(x) "\t(__force unsigned long)(" #x "),\n"
#define GFP_NAMES_PROBE GFP_NAME_LIST(G)

static const char probe_src[] =
	"#include <linux/types.h>\n"
	"#if __has_include(<linux/gfp_types.h>)\n"
	"#include <linux/gfp_types.h>\n"
	"#else\n"
	"#include <linux/gfp.h>\n"
	"#endif\n"
	"#include <asm/page.h>\n"
	"unsigned long __kmemlint_probe[] = {\n"
	"\t(__force unsigned long)__GFP_DIRECT_RECLAIM,\n"
	"\t(__force unsigned long)__GFP_NOFAIL,\n"
	"\t(unsigned long)PAGE_SHIFT,\n"
	GFP_NAMES_PROBE
	"};\n";

#define NPROBE (3 + NGFP_NAMES)

struct probe_vals {
	uint64_t v[NPROBE];
	int n;
};

static enum CXChildVisitResult probe_init(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct probe_vals *pv = data;
	CXEvalResult r;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_VarDecl ||
	    clang_getCursorKind(c) == CXCursor_InitListExpr)
		return CXChildVisit_Recurse;
	if (!clang_isExpression(clang_getCursorKind(c)) || pv->n >= NPROBE)
		return CXChildVisit_Continue;
	r = clang_Cursor_Evaluate(c);
	if (r && clang_EvalResult_getKind(r) == CXEval_Int)
		pv->v[pv->n] = clang_EvalResult_getAsUnsigned(r);
	if (r)
		clang_EvalResult_dispose(r);
	pv->n++;
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult probe_var(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	CXString s;
	bool hit;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	s = clang_getCursorSpelling(c);
	hit = !strcmp(clang_getCString(s), "__kmemlint_probe");
	clang_disposeString(s);
	if (hit)
		clang_visitChildren(c, probe_init, data);
	return hit ? CXChildVisit_Break : CXChildVisit_Continue;
}

int tu_probe_header_consts(CXIndex idx, const char *const *args, int nargs,
			   struct header_consts *out)
{
	struct CXUnsavedFile uf = {
		"kmemlint-gfp-probe.c", probe_src, sizeof(probe_src) - 1
	};
	struct probe_vals pv = { { 0 }, 0 };
	CXTranslationUnit tu = NULL;

	memset(out, 0, sizeof(*out));
	if (clang_parseTranslationUnit2(idx, uf.Filename, args, nargs, &uf, 1,
					CXTranslationUnit_SkipFunctionBodies,
					&tu) != CXError_Success || !tu)
		return -1;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), probe_var, &pv);
	clang_disposeTranslationUnit(tu);
	if (pv.n != NPROBE || !pv.v[0] || !pv.v[1] || !pv.v[2])
		return -1;
	out->gfp_direct_reclaim = pv.v[0];
	out->gfp_nofail = pv.v[1];
	out->page_shift = pv.v[2];
	memcpy(out->gfp_named, pv.v + 3, sizeof(out->gfp_named));
	return 0;
}
