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
	/* the values of gfp_names[] (GFP_KERNEL...), for messages only */
	uint64_t gfp_named[18];
};

/* The gfp masks and flags that messages name, for header_consts'
 * gfp_named[]: masks first (GFP_KERNEL...), then single flags from index
 * GFP_FIRST_FLAG (__GFP_ZERO...). */
#define GFP_NAME_LIST(X) \
	X(GFP_KERNEL) X(GFP_KERNEL_ACCOUNT) X(GFP_NOFS) X(GFP_NOIO) \
	X(GFP_USER) X(GFP_HIGHUSER) X(GFP_HIGHUSER_MOVABLE) X(GFP_ATOMIC) \
	X(GFP_NOWAIT) X(__GFP_ZERO) X(__GFP_NOWARN) X(__GFP_NOFAIL) \
	X(__GFP_NORETRY) X(__GFP_RETRY_MAYFAIL) X(__GFP_COMP) X(__GFP_DMA) \
	X(__GFP_DMA32) X(__GFP_HIGHMEM)
#define NGFP_NAMES 18
#define GFP_FIRST_FLAG 9

/* A function designator that a static initialiser of the main file stores
 * in a struct field: `.ndo_start_xmit = foo_xmit` in the initialiser of
 * `static const struct net_device_ops foo_ops`. */
struct ir_fn_init {
	const char *rec;	/* record type of the field ("struct net_device_ops") */
	const char *field;	/* "ndo_start_xmit" */
	const char *fn;		/* "foo_xmit" */
	const char *var;	/* the variable initialised ("foo_ops") */
	struct ir_loc loc;	/* the designator, in the main file */
	const char *file;	/* NULL: loc is in the main file; else the file
				 * of another unit of a scan (db/ext.c) */
};

struct ir_program {
	void *ctx;
	/* The definition of name, lowered (owned by the program), or NULL. */
	struct ir_func *(*get)(void *ctx, const char *name);
	/* Names of the functions defined in the main file, in source order. */
	const char *const *main_fns;
	int nmain;
	/* Function designators stored in fields by the initialisers of the
	 * main file's file-scope variables. */
	const struct ir_fn_init *fn_inits;
	int nfn_inits;
	struct header_consts consts;
};

#endif
