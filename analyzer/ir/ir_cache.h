/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_IR_CACHE_H
#define KML_IR_CACHE_H

/*
 * The lowered IR of one translation unit in a file, so that a later round
 * of kmemlint scan runs the engine on it without parsing the file again
 * (cli/scan_ir.c).  A cache file holds what the engine can ask of a unit
 * (program.h): the functions lowered for it, the names of every function
 * the unit defines (asked for one that was not lowered, the caller parses
 * again), main_fns, the main file's fn_inits, and the files of the tree
 * the unit includes with their hashes.  The format is binary and compact:
 * a magic and version, an FNV-1a checksum, a string table, then the rest
 * as LEB128 numbers and string indices; docs/architecture.md#ir-cache.
 *
 * Reading checks every count, index and enum against the file's bounds:
 * a truncated, corrupt or foreign file is refused with a reason (the
 * caller parses), never trusted.
 */

#include <stdbool.h>
#include <stddef.h>

#include "program.h"

/* What a cache file is written from. */
struct ir_cache_in {
	const char *stamp;		/* the tool (cli/scan_rounds.c tool_stamp) */
	const char *path;		/* the main file */
	const char *content;		/* hash of its text */
	const char *flags;		/* hash of its flags */
	const char *const *incl;	/* included files of the tree: path, hash, ... */
	int nincl;			/* pairs */
	const char *const *defined;	/* every function the unit defines */
	int ndefined;
	struct ir_func *const *fns;	/* the lowered ones (by fn->name) */
	int nfns;
	const char *const *main_fns;
	int nmain;
	const struct ir_fn_init *inits;	/* the main file's own (file NULL) */
	int ninits;
};

/* Written to a temporary file renamed to path.  0, or -1 (nothing left
 * behind) when it cannot be written or an IR invariant does not hold. */
int ir_cache_write(const char *path, const struct ir_cache_in *in);

struct ir_cache {
	char **incl;			/* path, hash, ... */
	int nincl;			/* pairs */
	char **main_fns;
	int nmain;
	struct ir_fn_init *inits;
	int ninits;
	int ndefined;
	int nfns;
	long long bytes;		/* the file's size */
	void *priv;
};

/*
 * The cache in path, if it is one for this tool, file, content and flags.
 * NULL when there is none (*why = "") or it is refused (*why: the reason).
 */
struct ir_cache *ir_cache_read(const char *path, const char *stamp,
			       const char *file, const char *content,
			       const char *flags, const char **why);
/*
 * The function name as the cache has it: its IR (owned by the cache), or
 * NULL with *defined telling whether the unit defines it (then it was not
 * lowered when the cache was written).  The names are kept as hashes: a
 * name the unit does not define may, rarely, be said to be defined (the
 * caller parses for nothing); a name it defines never is said not to be.
 */
struct ir_func *ir_cache_get(struct ir_cache *c, const char *name,
			     bool *defined);
/* Every function of the cache, for writing it again with more. */
int ir_cache_fns(struct ir_cache *c, struct ir_func ***out);
void ir_cache_free(struct ir_cache *c);

#endif
