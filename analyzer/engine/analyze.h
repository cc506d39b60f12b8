/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_ANALYZE_H
#define KML_ANALYZE_H

#include <stdbool.h>
#include <clang-c/Index.h>

#include "../report/finding.h"

struct analyze_opts {
	int budget;		/* steps per function before states are joined */
	bool verbose;
	bool dump_ir;		/* print each main-file function's CFG */
};

struct analyze_stats {
	int functions;
	int budget_hit;
};

/*
 * Analyse every function defined in the main file of tu, computing
 * summaries of the functions they call (in this file and in the headers'
 * inline functions) bottom-up on demand.  Findings are appended to out.
 */
void analyze_tu(CXTranslationUnit tu, const struct analyze_opts *opts,
		struct finding_list *out, struct analyze_stats *stats);

#endif
