/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_TU_H
#define KML_TU_H

#include <clang-c/Index.h>

#include "../ir/program.h"

/*
 * The function definitions of a parsed translation unit (the main file's
 * and the headers' inline functions), lowered on first use.
 */
struct tu_funcs;

struct tu_funcs *tu_funcs_collect(CXTranslationUnit tu);

/*
 * The libclang options of the parse of an analysed file.  With
 * KMEMLINT_PARSE=preamble in the environment, the file's leading
 * #includes become a precompiled preamble whose function bodies are
 * skipped (a header-parse lever, measured in docs/benchmarks.md; not the
 * default: an inline helper without its body is an unknown call).
 */
unsigned tu_parse_options(void);
/* Fill prog so that the engine can ask for functions by name. */
void tu_funcs_program(struct tu_funcs *tf, struct ir_program *prog);
void tu_funcs_free(struct tu_funcs *tf);

struct strvec;
/* For the IR cache (ir/ir_cache.h): the names of every function the unit
 * defines into defined, and the ones lowered so far into *fns (malloc'ed,
 * the functions still owned by tf). */
void tu_funcs_lowered(struct tu_funcs *tf, struct strvec *defined,
		      struct ir_func ***fns, int *nfns);

/*
 * Evaluate the gfp bits and PAGE_SHIFT of the installed headers by
 * parsing a small probe with the same flags as the analysed file.
 * Returns 0, or -1 when they could not be evaluated (consts zeroed).
 */
int tu_probe_header_consts(CXIndex idx, const char *const *args, int nargs,
			   struct header_consts *out);

#endif
