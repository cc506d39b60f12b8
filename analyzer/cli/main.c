// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint: find misuse of the kernel's memory-allocation API.
 *
 *   kmemlint [options] file.c...              flags of an external module
 *   kmemlint [options] -p build/ [file.c...]  compile_commands.json
 *   make C=2 CHECK="kmemlint [options]"       kbuild's CHECK interface
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <clang-c/Index.h>

#include "../checkers/checkers.h"
#include "cocci.h"
#include "../engine/analyze.h"
#include "../engine/apitable.h"
#include "../frontend/compile.h"
#include "../frontend/tu.h"
#include "../report/finding.h"
#include "../report/rules.h"
#include "../report/html.h"
#include "../report/sarif.h"
#include "../report/source.h"
#include "../util/strvec.h"
#include "ci.h"
#include "hook.h"
#include "scan.h"
#include "../db/ext.h"

#ifndef KML_VERSION
#define KML_VERSION "0.1.0"
#endif

enum { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_HTML };

struct options {
	int format;
	const char *output;
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
	struct ci_opts ci;
	struct cocci_opts cocci;	/* --cocci, --fix (cocci.c) */
};

static void usage(FILE *f)
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
static int check_registry(void)
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

/* "--opt=value" or "--opt value"; returns the value or NULL. */
static const char *opt_value(int argc, char **argv, int *i, const char *opt)
{
	size_t n = strlen(opt);

	if (!strncmp(argv[*i], opt, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (!strcmp(argv[*i], opt) && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int parse_args(int argc, char **argv, struct options *o)
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
		} else if ((ci = ci_parse_opt(argc, argv, &i, &o->ci))) {
			if (ci < 0)
				return -1;
		} else if ((v = opt_value(argc, argv, &i, "--format"))) {
			if (!strcmp(v, "text"))
				o->format = FMT_TEXT;
			else if (!strcmp(v, "json"))
				o->format = FMT_JSON;
			else if (!strcmp(v, "sarif"))
				o->format = FMT_SARIF;
			else if (!strcmp(v, "html"))
				o->format = FMT_HTML;
			else {
				fprintf(stderr, "kmemlint: unknown format '%s' (text, json, sarif or html)\n", v);
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--output"))) {
			o->output = v;
		} else if ((v = opt_value(argc, argv, &i, "--kdir"))) {
			o->kdir = v;
		} else if (!strcmp(a, "-p") && i + 1 < argc) {
			o->compdb = argv[++i];
		} else if ((v = opt_value(argc, argv, &i, "--compdb"))) {
			o->compdb = v;
		} else if ((v = opt_value(argc, argv, &i, "--db"))) {
			o->db = v;
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

static int load_rules(const struct options *o)
{
	return api_load_default(o->rules.v, (int)o->rules.n);
}

static bool looks_like_compiler_cmdline(const struct options *o)
{
	size_t i;

	for (i = 0; i < o->rest.n; i++)
		if (o->rest.v[i][0] == '-')
			return true;
	return false;
}

/* Write the whole buffer at once so parallel kbuild jobs don't interleave. */
static void emit(const struct options *o, const char *buf, size_t len)
{
	FILE *f;

	if (!len)
		return;
	if (!o->output) {
		/* --fix without --fix-output: stdout is the diff */
		FILE *to = o->cocci.fix && !o->cocci.fix_output ? stderr : stdout;

		fwrite(buf, 1, len, to);
		fflush(to);
		return;
	}
	f = fopen(o->output, "a");
	if (!f) {
		fprintf(stderr, "kmemlint: %s: %s\n", o->output, strerror(errno));
		fwrite(buf, 1, len, stdout);
		return;
	}
	fwrite(buf, 1, len, f);
	fclose(f);
}

/* The formats that are one document for the whole run. */
static void emit_run(const struct options *o, const struct finding_list *all,
		     const char *cwd)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	if (!mem)
		return;
	if (o->format == FMT_SARIF)
		report_sarif(mem, all, cwd);
	else
		report_html(mem, all, cwd);
	fclose(mem);
	emit(o, buf, len);
	free(buf);
}

static char *abs_path(const char *dir, const char *file)
{
	if (file[0] == '/' || !dir)
		return xstrdup(file);
	return xstrfmt("%s/%s", dir, file);
}

/* The checkers the engine runs: every rule's, and the event trace. */
static const struct checker *const *checkers_for(const struct options *o)
{
	static const struct checker *list[64];
	int i;

	if (!o->trace_events)
		return all_checkers;
	for (i = 0; i < nr_checkers && i < 63; i++)
		list[i] = all_checkers[i];
	list[i] = &checker_trace;
	trace_events_to(stdout);
	return list;
}

/* Returns 0 parsed and analysed, -1 could not be parsed. */
static int analyse_job(CXIndex idx, const struct compile_job *job,
		       const struct options *o, struct finding_list *out,
		       struct analyze_stats *stats)
{
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err;
	char *path = abs_path(job->dir, job->file);
	char *cwd = getcwd(NULL, 0);
	struct analyze_opts aopts = { o->budget, o->verbose, o->dump_ir,
				      o->dump_summaries ? stdout : NULL,
				      NULL, NULL };
	struct kdb_ext *x = NULL;
	static struct header_consts consts;
	static bool probed;
	struct ir_program prog;
	struct tu_funcs *tf;
	unsigned i, nd;
	int ret = 0;

	if (job->dir && chdir(job->dir)) {
		fprintf(stderr, "kmemlint: %s: cannot enter %s: %s\n",
			job->file, job->dir, strerror(errno));
		ret = -1;
		goto out;
	}
	if (access(path, R_OK)) {
		fprintf(stderr, "kmemlint: %s: error: cannot read file: %s\n",
			job->file, strerror(errno));
		ret = -1;
		goto out_cwd;
	}
	err = clang_parseTranslationUnit2(idx, path,
					  (const char *const *)job->args.v,
					  (int)job->args.n, NULL, 0,
					  CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles,
					  &tu);
	if (err != CXError_Success || !tu) {
		fprintf(stderr, "kmemlint: %s: error: libclang could not parse the file (error %d)\n",
			job->file, (int)err);
		ret = -1;
		goto out_cwd;
	}
	nd = clang_getNumDiagnostics(tu);
	for (i = 0; i < nd; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

		if (sev >= CXDiagnostic_Error) {
			CXString s = clang_formatDiagnostic(d,
				CXDiagnostic_DisplaySourceLocation |
				CXDiagnostic_DisplayColumn);

			fprintf(stderr, "kmemlint: %s: error: not analysed: %s\n",
				job->file, clang_getCString(s));
			clang_disposeString(s);
			clang_disposeDiagnostic(d);
			ret = -1;
			goto out_tu;
		}
		clang_disposeDiagnostic(d);
	}
	if (!probed) {
		/* the gfp bits of these headers, once: every job has them */
		probed = true;
		if (tu_probe_header_consts(idx, (const char *const *)job->args.v,
					   (int)job->args.n, &consts) &&
		    o->verbose)
			fprintf(stderr, "kmemlint: could not evaluate the gfp flags of the headers; __GFP_NOFAIL is not honoured and no gfp mask counts as sleeping\n");
	}
	tf = tu_funcs_collect(tu);
	tu_funcs_program(tf, &prog);
	prog.consts = consts;
	if (o->db) {
		x = kdb_ext_for_file(o->db, path, job->args.v,
				     (int)job->args.n, &prog);
		aopts.ext = kdb_ext_source(x);
	}
	analyze_program(&prog, checkers_for(o), nr_checkers + o->trace_events,
			&aopts, out, stats);
	tu_funcs_free(tf);
	kdb_ext_free(x);
out_tu:
	clang_disposeTranslationUnit(tu);
out_cwd:
	if (cwd && chdir(cwd))
		ret = -1;
out:
	free(cwd);
	free(path);
	return ret;
}

/* Report paths relative to the caller's directory when under it, as a
 * compiler would print them for files named relative to it. */
static void relabel(struct finding_list *fl, const char *cwd)
{
	size_t i, n = cwd ? strlen(cwd) : 0;
	int k;

	if (!n || !strcmp(cwd, "/"))
		return;
	for (i = 0; i < fl->n; i++) {
		struct finding *f = &fl->v[i];

		if (!strncmp(f->file, cwd, n) && f->file[n] == '/')
			memmove(f->file, f->file + n + 1, strlen(f->file + n));
		for (k = 0; k < f->nnotes; k++) {
			char *nf = f->notes[k].file;

			if (!strncmp(nf, cwd, n) && nf[n] == '/')
				memmove(nf, nf + n + 1, strlen(nf + n));
		}
	}
}

int kmemlint_main(int argc, char **argv)
{
	struct options o;
	struct job_list jobs;
	struct analyze_stats stats = { 0, 0 };
	struct finding_list all;
	CXIndex idx;
	char *start_cwd = getcwd(NULL, 0);
	bool kbuild_mode, analysed;
	int nfindings = 0, nfailed = 0, ret;
	size_t j, k;

	findings_init(&all);
	if (fe_dump_args_mode(argc, argv))
		return 0;
	if (argc > 1 && !strcmp(argv[1], "install-hook"))
		return install_hook(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "scan"))
		return scan_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "merge"))
		return merge_main(argc - 1, argv + 1);
	if (check_registry())
		return 2;
	memset(&o, 0, sizeof(o));
	strvec_init(&o.rules);
	strvec_init(&o.rest);
	ci_init(&o.ci);
	if (parse_args(argc, argv, &o)) {
		ret = 2;
		goto out_opts;
	}
	if (ci_begin(&o.ci, &o.rest, o.rest.n > 0)) {
		ret = 2;
		goto out_opts;
	}
	if (!o.rest.n && !o.compdb && (o.ci.diff_rev || o.ci.staged)) {
		ret = 0;	/* the change has no C file */
		goto out_opts;
	}
	if (!o.rest.n && !o.compdb) {
		usage(stderr);
		ret = 2;
		goto out_opts;
	}
	if (load_rules(&o)) {
		ret = 2;
		goto out_opts;
	}
	job_list_init(&jobs);
	kbuild_mode = !o.compdb && looks_like_compiler_cmdline(&o);
	if (o.compdb) {
		ret = fe_jobs_from_compdb(o.compdb, o.rest.v, (int)o.rest.n, &jobs);
	} else if (kbuild_mode) {
		ret = fe_jobs_from_cmdline((int)o.rest.n, o.rest.v, &jobs);
	} else {
		char kdir[4096];

		if (o.kdir) {
			snprintf(kdir, sizeof(kdir), "%s", o.kdir);
			ret = 0;
		} else {
			ret = fe_find_kdir(kdir, sizeof(kdir));
		}
		if (!ret)
			ret = fe_jobs_from_kdir(kdir, o.rest.v, (int)o.rest.n, &jobs);
	}
	if (ret && !jobs.n) {
		ret = 2;
		goto out_jobs;
	}
	if (ret)
		nfailed++;
	if ((o.cocci.run || o.cocci.fix) && cocci_begin(&o.cocci)) {
		ret = 2;
		cocci_end(&o.cocci);
		goto out_jobs;
	}
	idx = clang_createIndex(0, 0);
	for (j = 0; j < jobs.n; j++) {
		struct finding_list fl;
		char *buf = NULL;
		size_t len = 0;
		FILE *mem;

		findings_init(&fl);
		analysed = !analyse_job(idx, &jobs.v[j], &o, &fl, &stats);
		if (!analysed)
			nfailed++;
		else if (o.cocci.run || o.cocci.fix) {
			char *path = abs_path(jobs.v[j].dir, jobs.v[j].file);
			size_t n = start_cwd ? strlen(start_cwd) : 0;
			const char *rel = n && !strncmp(path, start_cwd, n) &&
					  path[n] == '/' ? path + n + 1 : path;

			if (cocci_file(&o.cocci, path, rel, &fl))
				nfailed++;
			free(path);
		}
		findings_sort(&fl);
		if (!kbuild_mode)
			relabel(&fl, start_cwd);
		if (analysed) {
			char *path = abs_path(jobs.v[j].dir, jobs.v[j].file);
			char *name = xstrdup(path);
			struct finding_list one = { NULL, 0, 0 };

			if (!kbuild_mode) {
				/* the name the findings have (relabel) */
				struct finding tmp = { .file = name };

				one.v = &tmp;
				one.n = 1;
				relabel(&one, start_cwd);
				name = tmp.file;
			}
			ci_filter(&o.ci, path, name, &fl);
			free(path);
			free(name);
		}
		if (o.ci.list_suppressions) {
			findings_free(&fl);
			continue;
		}
		nfindings += (int)fl.n;
		if (o.format == FMT_SARIF || o.format == FMT_HTML) {
			/* one document for the whole run */
			for (k = 0; k < fl.n; k++)
				findings_add(&all, &fl.v[k]);
			fl.n = 0;
			findings_free(&fl);
			continue;
		}
		mem = open_memstream(&buf, &len);
		if (mem) {
			if (o.format == FMT_JSON)
				report_json(mem, &fl);
			else
				report_text(mem, &fl);
			fclose(mem);
			emit(&o, buf, len);
			free(buf);
		}
		findings_free(&fl);
	}
	clang_disposeIndex(idx);
	if ((o.cocci.run || o.cocci.fix) && cocci_end(&o.cocci))
		nfailed++;
	if (o.format == FMT_SARIF || o.format == FMT_HTML)
		emit_run(&o, &all, start_cwd);
	findings_free(&all);
	if (ci_finish(&o.ci, kbuild_mode))
		nfailed++, o.strict = true;
	if (o.ci.list_suppressions)
		nfindings = 0;
	if (o.verbose)
		fprintf(stderr, "kmemlint: %d functions, %d over budget, %d findings\n",
			stats.functions, stats.budget_hit, nfindings);
	if (nfailed && o.strict)
		ret = 2;
	else if (nfindings && (!kbuild_mode || o.werror) &&
		 !o.ci.write_baseline)
		ret = 1;
	else
		ret = 0;
out_jobs:
	job_list_free(&jobs);
out_opts:
	api_free_all();
	strvec_clear(&o.rules);
	strvec_clear(&o.rest);
	ci_free(&o.ci);
	source_cache_free();
	free(start_cwd);
	return ret;
}
