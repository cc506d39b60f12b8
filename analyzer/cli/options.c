// SPDX-License-Identifier: GPL-2.0
/* The options of kmemlint FILE..., -p and kbuild's CHECK (see cli.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../checkers/checkers.h"
#include "../report/rules.h"

#ifndef KML_VERSION
#define KML_VERSION "0.1.0"
#endif

void usage(FILE *f)
{
	fputs("usage: kmemlint [options] [compiler flags] file.c...\n"
	      "\n"
	      "Finds misuse of the Linux kernel memory-allocation API.\n"
	      "\n"
	      "Ways in:\n"
	      "  kmemlint file.c...            flags kbuild uses for an external module\n"
	      "                                (newest /usr/src/linux-headers-*-amd64)\n"
	      "  kmemlint --kdir DIR file.c    the same with the kernel build dir DIR\n"
	      "  kmemlint -p BUILD [file.c]    flags from BUILD/compile_commands.json\n"
	      "  make -C $KDIR M=$PWD C=2 CHECK=kmemlint\n"
	      "                                kbuild's checker interface, like Sparse\n"
	      "  kmemlint scan [options] DIR   a whole tree, in worker processes\n"
	      "                                (kmemlint scan --help)\n"
	      "  kmemlint merge OUT.db SHARD.db...  join the databases of\n"
	      "                                scan --shard runs (kmemlint merge --help)\n"
	      "\n"
	      "Options:\n"
	      "  --format=FORMAT      text: GCC-style (default); json: JSON Lines;\n"
	      "                       sarif: SARIF 2.1.0; html: a report page\n"
	      "  --output=FILE        append findings to FILE instead of stdout\n"
	      "  --min-confidence=high|medium\n"
	      "                       report only findings this sure (medium: all)\n"
	      "  --kdir=DIR           kernel build directory (or $KDIR)\n"
	      "  -p PATH              compile_commands.json or its directory\n"
	      "  --rules=FILE         load more API rules (repeatable)\n"
	      "  --db=FILE            read what kmemlint scan's database knows of\n"
	      "                       the other files of the tree\n"
	      "  --strict             exit 2 when a file cannot be parsed\n"
	      "  --werror             under kbuild, findings fail the build\n"
	      "  --budget=N           exploration steps per function (20000)\n"
	      "  --verbose            say what was skipped or approximated\n"
	      "  --dump-ir            print each function's CFG on stderr\n"
	      "  --dump-summaries     print each function's summary facts and the\n"
	      "                       field facts of the file on stdout\n"
	      "  --trace-events       print the events the checkers see on stdout\n"
	      "  --list-rules         list rule ids\n"
	      "\n"
	      "Hooks and CI (docs/usage.md):\n"
	      "  --diff=REV           report only on lines changed since REV\n"
	      "  --staged             report only on lines of the staged change\n"
	      "  --baseline=FILE      do not report the findings FILE lists\n"
	      "  --write-baseline=FILE  write the findings of this run to FILE\n"
	      "  --list-suppressions  list the kmemlint-ignore comments instead\n"
	      "  kmemlint install-hook [options]\n"
	      "                       write .git/hooks/pre-commit running\n"
	      "                       kmemlint --staged [options]\n"
	      "  --help, --version\n"
	      "\n"
	      "Semantic patches (Coccinelle):\n", f);
	fputs(cocci_usage, f);
	fputs("\n"
	      "\n"
	      "Exit status: 0 no findings, 1 findings, 2 the tool could not do its job.\n"
	      "Under kbuild (compiler flags on the command line) findings exit 0\n"
	      "unless --werror, so they never break the build.\n", f);
}

static bool has_checker(const char *rule)
{
	int i;

	for (i = 0; i < nr_checkers; i++)
		if (!strcmp(all_checkers[i]->rule, rule))
			return true;
	return false;
}

/*
 * The scripts take the rule ids from here (see report/rules.h): the id is
 * the first word of a line, and "(not implemented yet)" marks a rule no
 * checker implements.
 */
/* A checker whose rule id is not in the one list would report findings
 * no test, scorer or baseline knows of: refuse to run. */
int check_registry(void)
{
	int i, ret = 0;

	for (i = 0; i < nr_checkers; i++) {
		if (!rule_find(all_checkers[i]->rule)) {
			fprintf(stderr, "kmemlint: checker for unknown rule id '%s'\n",
				all_checkers[i]->rule);
			ret = -1;
		}
	}
	return ret;
}

static void list_rules(void)
{
	const struct rule_info *r;
	size_t i;

	for (i = 0; (r = rule_nth(i)); i++)
		printf("%-20s %s%s\n", r->id,
		       has_checker(r->id) ? "" : "(not implemented yet) ",
		       r->summary);
}

int parse_args(int argc, char **argv, struct options *o)
{
	int i, ci, ret;
	const char *v;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--version")) {
			CXString cv = clang_getClangVersion();

			printf("kmemlint %s (%s)\n", KML_VERSION,
			       clang_getCString(cv));
			clang_disposeString(cv);
			exit(0);
		} else if (!strcmp(a, "--list-rules")) {
			list_rules();
			exit(0);
		} else if ((ci = out_parse_opt(argc, argv, &i, &o->out))) {
			if (ci < 0)
				return -1;
		} else if ((v = opt_value(argc, argv, &i, "--kdir"))) {
			o->kdir = v;
		} else if (!strcmp(a, "-p") && i + 1 < argc) {
			o->compdb = argv[++i];
		} else if ((v = opt_value(argc, argv, &i, "--compdb"))) {
			o->compdb = v;
		} else if ((v = opt_value(argc, argv, &i, "--db"))) {
			/* the --kdir way in runs clang from the kernel
			 * tree: a relative path is the user's */
			o->db = cwd_path(v);
		} else if ((v = opt_value(argc, argv, &i, "--rules"))) {
			strvec_push(&o->rules, v);
		} else if ((v = opt_value(argc, argv, &i, "--budget"))) {
			o->budget = atoi(v);
		} else if (!strcmp(a, "--strict")) {
			o->strict = true;
		} else if (!strcmp(a, "--werror")) {
			o->werror = true;
		} else if (!strcmp(a, "--verbose")) {
			o->verbose = true;
		} else if (!strcmp(a, "--dump-ir")) {
			o->dump_ir = true;
		} else if (!strcmp(a, "--dump-summaries")) {
			o->dump_summaries = true;
		} else if (!strcmp(a, "--trace-events")) {
			o->trace_events = true;
		} else if ((ret = cocci_parse_opt(argc, argv, &i, &o->cocci))) {
			if (ret < 0)
				return -1;
		} else {
			/* a compiler or Sparse flag, or a file: never fatal */
			strvec_push(&o->rest, a);
		}
	}
	return 0;
}

