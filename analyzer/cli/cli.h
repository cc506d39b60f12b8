/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLI_CLI_H
#define KML_CLI_CLI_H

/*
 * kmemlint FILE..., -p BUILD, and kbuild's CHECK interface:
 *
 *   main.c     the run: the jobs, then each file analysed and its
 *              findings handed to the output pipeline (output.c)
 *   options.c  the options of the run, --help, --list-rules
 *   analyse.c  one file: parse with libclang, lower, run the checkers
 *
 * kmemlint scan (scan.h), kmemlint report (report_cmd.c) and
 * kmemlint install-hook (hook.c) are subcommands of their own; scan and
 * report share output.c.
 */
#include <stdbool.h>

#include <clang-c/Index.h>

#include "cocci.h"
#include "output.h"
#include "../engine/analyze.h"
#include "../frontend/compile.h"
#include "../util/strvec.h"

struct options {
	const char *kdir;
	const char *compdb;
	const char *db;		/* kmemlint scan's database, read-only */
	struct strvec rules;
	struct strvec rest;	/* compiler flags and files */
	bool strict;
	bool werror;
	bool verbose;
	bool dump_ir;
	bool dump_summaries;
	bool trace_events;
	int budget;
	struct out_opts out;	/* --format, --output, hook and CI (output.h) */
	struct cocci_opts cocci;	/* --cocci, --fix (cocci.c) */
};

/* options.c */
void usage(FILE *f);
/* -1 when a checker reports a rule id that is not in report/rules.c */
int check_registry(void);
/* 0, or -1 (message printed: exit status 2) */
int parse_args(int argc, char **argv, struct options *o);

/* analyse.c */
char *abs_path(const char *dir, const char *file);
/* file made absolute against the working directory */
char *cwd_path(const char *file);
/* Returns 0 parsed and analysed, -1 could not be parsed. */
int analyse_job(CXIndex idx, const struct compile_job *job,
		const struct options *o, struct finding_list *out,
		struct analyze_stats *stats);
/* Paths relative to cwd when under it, as a compiler would print them
 * for files named relative to it. */
void relabel(struct finding_list *fl, const char *cwd);

/* report_cmd.c: kmemlint report */
int report_main(int argc, char **argv);

#endif
