/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLI_DIFF_H
#define KML_CLI_DIFF_H

/*
 * The lines a change adds or modifies, from `git diff -U0` (git is run
 * directly, without a shell): --diff REV compares REV with the work
 * tree, --staged the index with HEAD (or with REV).  Findings elsewhere
 * are not reported; the functions are still analysed whole.
 */
#include <stdbool.h>

#include "../util/strvec.h"

struct diff_file {
	char *path;		/* absolute */
	unsigned *lo, *hi;	/* added line ranges of the new file */
	int n, alloc;
};

struct diff_set {
	char *top;		/* the work tree's top directory */
	struct diff_file *v;
	int n, alloc;
};

/* 0, or -1 with a message (not a git work tree, git failed, bad REV). */
int diff_load(struct diff_set *d, const char *rev, bool staged);
/* Is line of file (a path from the current directory, or absolute) one
 * the change added or modified? */
bool diff_covers(const struct diff_set *d, const char *file, unsigned line);
/* Push the changed files whose name ends in .c and that exist. */
void diff_c_files(const struct diff_set *d, struct strvec *out);
void diff_free(struct diff_set *d);

/* Run argv (argv[0] looked up in PATH) without a shell; its stdout in
 * *out (NUL-terminated).  Returns its exit status, or -1. */
int run_capture(char *const argv[], char **out);

#endif
