/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_SCAN_IR_H
#define KML_SCAN_IR_H

/*
 * scan_ir.c: the unit of a scan worker, from the IR cache (ir/ir_cache.h)
 * or parsed, and the cache directory kept to the database's files.
 */

#include <stdbool.h>
#include <stdio.h>

#include <clang-c/Index.h>

#include "../ir/program.h"
#include "../util/strvec.h"

struct scan;
struct ir_cache;
struct tu_funcs;

struct scan_unit {
	const struct scan *sc;
	int i;				/* the job */
	CXIndex idx;
	char *path;			/* the cache file, or NULL: no cache */
	struct ir_cache *cache;		/* the unit from the cache, or NULL */
	CXTranslationUnit tu;		/* parsed (at once, or on a fallback) */
	struct tu_funcs *tf;
	struct ir_program parsed;	/* tf's program */
	struct strvec incl;		/* the included files: path, hash, ... */
	const char *const *main_fns;	/* the main file's, for the cache */
	int nmain;
	const struct ir_fn_init *inits;
	int ninits;
	int fallbacks;			/* parses for a function not cached */
	bool failed;			/* such a parse failed */
	int reused, explored;		/* report passes (engine/reuse.c) */
	int sum_reused, sum_explored;	/* summary explorations */
	int polluted;			/* replays that changed what they
					 * read (engine/reuse.c) */
};

/* Enter the job's directory, then read the cache or parse the file.
 * 0, or -1 after a message (the file does not parse). */
int scan_unit_open(struct scan_unit *u, const struct scan *sc, int i,
		   CXIndex idx);
/* The program the engine runs on; call before anything adds to its
 * fn_inits (the cache keeps the main file's own). */
void scan_unit_program(struct scan_unit *u, struct ir_program *prog);
/* An "incl" record, kept for the cache. */
void scan_unit_incl(struct scan_unit *u, const char *path, const char *hash,
		    FILE *out);
/* The "incl" records of a unit from the cache. */
void scan_unit_cached_incl(struct scan_unit *u, FILE *out);
/* Write the cache if the file was parsed, and the "irc" record. */
void scan_unit_finish(struct scan_unit *u, FILE *out);
void scan_unit_free(struct scan_unit *u);
/* The report pass's memo of the last analysis (engine/reuse.c) when the
 * unit came whole from the same cache file, or NULL. */
char *scan_unit_memo_read(const struct scan_unit *u);
/* This analysis's memo, for the cache file as scan_unit_finish() left it
 * (text NULL: none, the old one removed). */
void scan_unit_memo_write(const struct scan_unit *u, const char *text,
			  size_t len);

/* Did the worker parse its file (not all from the cache)? */
bool scan_ir_parsed(const char *records);
/* The scan: count a worker's "irc" record (before its records go). */
void scan_ir_tally(struct scan *sc, const char *records);
/* Remove the cache files of keys not in keys (path, content, flags, ...)
 * and add up the size of the others in sc->ir_bytes. */
void scan_ir_prune(struct scan *sc, const struct strvec *keys);

#endif
