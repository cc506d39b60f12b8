/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_DB_EXT_H
#define KML_DB_EXT_H

/*
 * One file's view of the other files of its tree, from the summary
 * database: the engine's struct ext_source (engine/analyze.h), and the
 * ops-table initialisers of other files that name this file's functions.
 */

#include <stdbool.h>
#include <stdio.h>

#include "db.h"
#include "../engine/analyze.h"

struct kdb_ext;

/* file: the analysed file (its own rows are never read); module: its
 * KBUILD_MODNAME ("" when unknown); deps: where to write what was asked
 * (a scan worker's records), or NULL; reportable: may a finding be
 * located in another file (a file of the scan), or NULL for never.  db
 * may be NULL: then nothing is known. */
struct kdb_ext *kdb_ext_new(struct kdb *db, const char *file,
			    const char *module, FILE *deps,
			    bool (*reportable)(void *ctx, const char *file),
			    void *rctx);
const struct ext_source *kdb_ext_source(struct kdb_ext *x);
void kdb_ext_free(struct kdb_ext *x);

/* A static initialiser of another file that stores fn in a field. */
struct kdb_init {
	char *rec, *field, *fn, *var, *file;
	unsigned line, col;
};

/* The initialisers of other files of the module naming one of fns;
 * returns how many, *out malloc'ed (strings too). */
int kdb_ext_inits(struct kdb_ext *x, const char *const *fns, int nfns,
		  struct kdb_init **out);

/* Add to prog's initialisers those of the other files (freed with x). */
void kdb_ext_add_inits(struct kdb_ext *x, struct ir_program *prog);

/* The way in of `kmemlint --db FILE file.c` (kbuild's CHECK, -p): the
 * database opened once read-only (a warning if there is none), and file's
 * view of the others, its prog's initialisers added.  Free with
 * kdb_ext_free. */
struct kdb_ext *kdb_ext_for_file(const char *dbpath, const char *file,
				 char *const *args, int nargs,
				 struct ir_program *prog);

/* KBUILD_MODNAME of a job's clang arguments, or "" (malloc'ed). */
char *kdb_module_of(char *const *args, int nargs);

#endif
