/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLI_CI_H
#define KML_CLI_CI_H

/*
 * What a user in a pre-commit hook or a CI job asks of a run, on top of
 * the analysis: which findings to keep (inline suppressions, confidence,
 * the lines a change touches, a baseline of known findings) and the
 * baseline to write.  main.c hands each file's findings to ci_filter()
 * and calls ci_finish() once at the end.
 */
#include <stdbool.h>
#include <stdio.h>

#include "../report/finding.h"
#include "../util/strvec.h"

struct ci_state;

struct ci_opts {
	int min_conf;			/* keep findings of at least this */
	const char *baseline;		/* --baseline FILE */
	const char *write_baseline;	/* --write-baseline FILE */
	bool list_suppressions;
	const char *diff_rev;		/* --diff REV */
	bool staged;			/* --staged */
	struct ci_state *st;
};

void ci_init(struct ci_opts *o);
/* argv[*i] is one of ours: 1 (consumed, *i past its value), 0 not ours,
 * -1 a bad value (message printed). */
int ci_parse_opt(int argc, char **argv, int *i, struct ci_opts *o);
/* Before the files: read the baseline, ask git for the change.  In diff
 * mode with no file named, pushes the changed .c files to files.  0, or
 * -1 (message printed: exit status 2). */
int ci_begin(struct ci_opts *o, struct strvec *files, bool named);
/* The findings of one analysed file (path: absolute; name: as the
 * findings name it), sorted and relabelled: drop the suppressed ones,
 * those under --min-confidence, those off the change's lines and those
 * of the baseline. */
void ci_filter(struct ci_opts *o, const char *path, const char *name,
	       struct finding_list *fl);
/* After the files: write the baseline (append when append is set: one
 * process per file under kbuild), report the suppressions that matched
 * nothing on stderr, list them with --list-suppressions.  0, or -1 (the
 * baseline could not be written). */
int ci_finish(struct ci_opts *o, bool append);
void ci_free(struct ci_opts *o);

#endif
