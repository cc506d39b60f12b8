/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_INITS_H
#define KML_INITS_H

#include <stddef.h>
#include <clang-c/Index.h>

#include "../ir/program.h"

/* The function designators a static initialiser stores in struct fields
 * (inits.c).  Strings are owned by the list. */
struct fn_init_list {
	struct ir_fn_init *v;
	size_t n, cap;
};

/* Append what the initialiser of variable var stores. */
void fn_inits_collect(CXCursor var, struct fn_init_list *out);
/* module_init() of a module: the function __inittest (fn) returns, as a
 * store into the pseudo field "module.init". */
void fn_inits_module(CXCursor fn, struct fn_init_list *out);
void fn_inits_free(struct fn_init_list *l);

#endif
