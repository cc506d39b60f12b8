/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLI_OUTPUT_H
#define KML_CLI_OUTPUT_H

/*
 * The output pipeline every way in shares (kmemlint FILE..., -p, kbuild's
 * CHECK, kmemlint scan, kmemlint report): the options that say which
 * findings to keep and how to write them (--format, --output, and the
 * hook and CI options of ci.h), then per file "filter, then emit or
 * collect", and one document at the end for the formats that are one
 * document per run (SARIF, HTML).
 */
#include <stdbool.h>
#include <stdio.h>

#include "ci.h"
#include "../report/finding.h"

enum { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_HTML };

struct out_opts {
	int format;
	const char *output;	/* --output FILE, or stdout */
	bool append;		/* append to --output (a kbuild process per
				 * file); else the run writes it once */
	bool batch;		/* text and JSON too at the end, sorted */
	bool to_stderr;		/* stdout is for something else (--fix) */
	struct ci_opts ci;
	struct finding_list all;	/* collected for the end */
	int nfindings;		/* kept so far */
	int failed;		/* the output could not be written */
};

/* "--opt=value" or "--opt value"; returns the value or NULL. */
const char *opt_value(int argc, char **argv, int *i, const char *opt);
/* The text of the options out_parse_opt() takes, for --help. */
extern const char out_usage[];

void out_init(struct out_opts *o);
/* argv[*i] is one of ours (--format, --output, ci.h's): 1 consumed, 0 not
 * ours, -1 a bad value (message printed). */
int out_parse_opt(int argc, char **argv, int *i, struct out_opts *o);
/* Before the files (ci_begin). 0 or -1 (message printed). */
int out_begin(struct out_opts *o, struct strvec *files, bool named);
/* The findings of one file (path: absolute, or NULL when there is no
 * source to read suppressions from; name: as the findings name it),
 * sorted: filter them (ci_filter), then write them (text, JSON) or keep
 * them for out_finish().  Takes fl's findings. */
void out_file(struct out_opts *o, const char *path, const char *name,
	      struct finding_list *fl);
/* The findings of a whole run, sorted, one file after another: out_file()
 * on each file's share.  cwd: to make relative names absolute. */
void out_files(struct out_opts *o, struct finding_list *all, const char *cwd,
	       const struct strvec *more_files);
/* After the files: the one document (SARIF, HTML, or batched text and
 * JSON) and ci_finish().  0, or -1 (something could not be written). */
int out_finish(struct out_opts *o, const char *cwd, bool append_baseline);
void out_free(struct out_opts *o);

#endif
