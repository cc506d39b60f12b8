/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_LOWER_H
#define KML_LOWER_H

#include <clang-c/Index.h>

#include "ir.h"

/*
 * Lower one function definition (a CXCursor_FunctionDecl with a body) to
 * its CFG.  Never fails on odd code: what it does not model becomes
 * EX_UNKNOWN; a function too large to lower is returned with too_complex.
 */
struct ir_func *ir_lower_function(CXTranslationUnit tu, CXCursor fn);

/* File location of a cursor: where a macro argument was written, or the
 * place a macro was expanded. */
struct ir_loc ir_cursor_loc(CXCursor c, const char **file_out);

#endif
