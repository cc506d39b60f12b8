/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_PROGRAM_H
#define KML_PROGRAM_H

/*
 * The functions of one translation unit as the engine sees them: lowered
 * to CFGs by the front end on demand and kept until the unit is done.  The
 * engine never sees a clang cursor.
 */

#include <stdint.h>

#include "ir.h"

/* Integer constants of the installed headers the engine needs; 0 when the
 * front end could not evaluate them. */
struct header_consts {
	uint64_t gfp_direct_reclaim;	/* __GFP_DIRECT_RECLAIM: may sleep */
	uint64_t gfp_nofail;		/* __GFP_NOFAIL: cannot fail */
	uint64_t page_shift;		/* PAGE_SHIFT */
};

struct ir_program {
	void *ctx;
	/* The definition of name, lowered (owned by the program), or NULL. */
	struct ir_func *(*get)(void *ctx, const char *name);
	/* Names of the functions defined in the main file, in source order. */
	const char *const *main_fns;
	int nmain;
	struct header_consts consts;
};

#endif
