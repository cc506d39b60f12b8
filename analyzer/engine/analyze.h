/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_ANALYZE_H
#define KML_ANALYZE_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"
#include "../ir/program.h"
#include "../report/finding.h"

/*
 * What other files of a batch scan know (kmemlint scan's summary
 * database, db/ext.c).  Each callback returns record lines (malloc'ed,
 * NULL for none) in the form unit_export writes them.
 */
struct ext_source {
	void *ctx;
	/* "sum" + "fact" lines of a function no file of this unit defines */
	char *(*summary)(void *ctx, const char *name);
	/* "field" lines other files wrote about a field key */
	char *(*fields)(void *ctx, const char *key);
	/* the unit read the records of kind about key (other files' too):
	 * what it depends on, for the scan's incremental rounds */
	void (*depends)(void *ctx, const char *kind, const char *key);
	/* may a finding be located in file (another file of the scan)? */
	bool (*reportable)(void *ctx, const char *file);
};

struct analyze_opts {
	int budget;		/* steps per function before states are joined */
	bool verbose;
	bool dump_ir;		/* print each main-file function's CFG */
	FILE *dump_summaries;	/* print the summaries and field facts here */
	const struct ext_source *ext;	/* other files' knowledge, or NULL */
	FILE *export;		/* write the unit's records here, or NULL */
	/* The report pass's memo (engine/reuse.c): the last analysis's, read
	 * only when its key is key (what the caller knows changes every
	 * answer: the IR, the tool), and this analysis's, written to
	 * reuse_out.  NULL: none. */
	const char *reuse_in;
	uint64_t reuse_key;
	FILE *reuse_out;
};

struct analyze_stats {
	int functions;
	int budget_hit;
	int reused;		/* report passes taken from reuse_in */
	int explored;		/* report passes run */
	int sum_reused;		/* summary explorations taken from it */
	int sum_explored;	/* summary explorations run */
	int polluted;		/* explored after a replay that changed
				 * what they had read (reuse.c) */
};

/*
 * Analyse every function defined in the main file of prog with the given
 * checkers.  First the summary pass: every function of the main file (and
 * the header inlines they call) explored bottom-up, writing its summary
 * and the unit's field facts.  Then the reporting pass: the main file's
 * functions again, with every summary available.  Findings are appended
 * to out.
 */
void analyze_program(const struct ir_program *prog,
		     const struct checker *const *checkers, int ncheckers,
		     const struct analyze_opts *opts,
		     struct finding_list *out, struct analyze_stats *stats);

#endif
