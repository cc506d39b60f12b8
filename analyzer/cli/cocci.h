/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLI_COCCI_H
#define KML_CLI_COCCI_H

/*
 * --cocci and --fix: the semantic patches of cocci/ run through spatch
 * (Coccinelle), one process per file and semantic patch, without a shell.
 * Their report-mode findings are merged with the engine's; their
 * patch-mode diffs, kept where they change the line of a finding, are the
 * fix.  See docs/usage.md.
 */

#include <stdbool.h>
#include <stdio.h>

#include "../report/finding.h"

struct cocci_opts {
	bool run;		/* --cocci */
	bool fix;		/* --fix */
	bool in_place;		/* --fix --in-place: apply it */
	const char *fix_output;	/* --fix-output=FILE, else stdout */
	const char *dir;	/* --cocci-dir, else the built-in one */
	const char *spatch;	/* --spatch, else "spatch" on PATH */
	int timeout;		/* --cocci-timeout: seconds a spatch run */
	FILE *diff;		/* where the fix goes (cocci_begin) */
};

/* Consume argv[*i] if it is one of the options above: 1, else 0; -1 on a
 * bad value (message printed). */
int cocci_parse_opt(int argc, char **argv, int *i, struct cocci_opts *co);
/* The option lines of --help. */
extern const char cocci_usage[];
/* Before the first file: find spatch and the semantic patches, open the
 * diff output.  -1 with a message when they cannot be had. */
int cocci_begin(struct cocci_opts *co);
/* For one analysed file: add the semantic patches' findings to fl (or
 * mark the engine's that they share), and with --fix write the file's
 * fix.  path is the file as analysed, rel as it is named in the diff.
 * Returns -1 when a spatch run failed or timed out (said on stderr). */
int cocci_file(struct cocci_opts *co, const char *path, const char *rel,
	       struct finding_list *fl);
/* After the last file: close the diff output. */
int cocci_end(struct cocci_opts *co);

#endif
