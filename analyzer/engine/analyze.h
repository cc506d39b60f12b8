/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_ANALYZE_H
#define KML_ANALYZE_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"
#include "../ir/program.h"
#include "../report/finding.h"

struct analyze_opts {
	int budget;		/* steps per function before states are joined */
	bool verbose;
	bool dump_ir;		/* print each main-file function's CFG */
	FILE *dump_summaries;	/* print the summaries and field facts here */
};

struct analyze_stats {
	int functions;
	int budget_hit;
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
