// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint scan DIR|compile_commands.json: a whole driver tree at once.
 *
 * The files and their flags come from kbuild (a directory: see
 * frontend/kbuild.c) or from the compilation database.  Each file is
 * analysed in a worker process (scan_pool.c); a file that fails costs
 * that file alone.  The findings of all files are sorted together, so the
 * output is the same whatever -j is, and a summary table ends the run on
 * stderr.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <ftw.h>

#include "scan.h"
#include "../util/clock.h"
#include "scan_ir.h"
#include "../checkers/checkers.h"
#include "../db/db.h"
#include "../db/ext.h"
#include "../engine/apitable.h"
#include "../report/finding_io.h"
#include "../util/hmap.h"
#include "../frontend/kbuild.h"
#include "../report/rules.h"
#include "../report/source.h"

static void usage(FILE *f)
{
	fputs("usage: kmemlint scan [options] DIR|compile_commands.json\n"
	      "\n"
	      "Analyses every C file kbuild builds in DIR (with the flags it\n"
	      "builds them with), or every .c entry of a compilation database,\n"
	      "each in a worker process, and prints the findings of all of them.\n"
	      "\n"
	      "Options:\n"
	      "  --kdir=DIR         kernel build directory (or $KDIR, or the newest\n"
	      "                     /usr/src/linux-headers-*-amd64)\n"
	      "  -j N, --jobs=N     worker processes (default: the number of CPUs)\n"
	      "  --timeout=SEC      time limit per file (default 120; 0 none)\n"
	      "  --mem-limit=MB     address-space limit per worker (default 4096; 0 none)\n"
	      "  --strict           exit 2 when a file could not be analysed\n"
	      "  --rules=FILE       load more API rules (repeatable)\n"
	      "  --budget=N         exploration steps per function (20000)\n"
	      "  --max-rounds=N     analyse a file at most N times in a scan, as\n"
	      "                     what it reads of other files changes (default 8)\n"
	      "  --verbose          list the files kbuild does not build, and what\n"
	      "                     changed after each round\n"
	      "  --list-files       print each file with its flags; analyse nothing\n"
	      "  --db=FILE          the summary database (default DIR/.kmemlint/summaries.db,\n"
	      "                     or under $XDG_CACHE_HOME/kmemlint)\n"
	      "  --shard=K/N        analyse only the K-th of N shares of the files\n"
	      "                     (1 <= K <= N); join the shards with kmemlint merge\n"
	      "  --no-ir-cache      parse a file again whenever it is analysed again,\n"
	      "                     instead of reading its IR from DB.ir/ (also with\n"
	      "                     KMEMLINT_NO_IR_CACHE=1); no index pass then\n"
	      "\n"
	      "Output, as for kmemlint FILE... (docs/usage.md):\n", f);
	fputs(out_usage, f);
	fputs("\n"
	      "Exit status: 0 no findings, 1 findings, 2 the scan could not be done\n"
	      "(or, with --strict, a file could not be analysed).\n", f);
}

static bool number(const char *v, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(v, &end, 10);
	return !errno && *v && !*end && *out >= 0;
}

static int parse_args(int argc, char **argv, struct scan_opts *o)
{
	const char *v;
	long n;
	int i, r;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(0);
		} else if ((r = out_parse_opt(argc, argv, &i, &o->out))) {
			if (r < 0)
				return -1;
		} else if ((v = opt_value(argc, argv, &i, "--kdir"))) {
			o->kdir = v;
		} else if ((v = opt_value(argc, argv, &i, "--db"))) {
			o->db = v;
		} else if ((v = opt_value(argc, argv, &i, "--rules"))) {
			strvec_push(&o->rules, v);
		} else if ((v = opt_value(argc, argv, &i, "--jobs")) ||
			   (v = opt_value(argc, argv, &i, "-j")) ||
			   (!strncmp(a, "-j", 2) && a[2] && (v = a + 2))) {
			if (!number(v, &n) || n < 1 || n > 1024) {
				fprintf(stderr, "kmemlint: -j: '%s' is not a number of jobs\n", v);
				return -1;
			}
			o->jobs = (int)n;
		} else if ((v = opt_value(argc, argv, &i, "--timeout"))) {
			if (!number(v, &n) || n > 1000000) {
				fprintf(stderr, "kmemlint: --timeout: '%s' is not a number of seconds\n", v);
				return -1;
			}
			o->timeout = (int)n;
		} else if ((v = opt_value(argc, argv, &i, "--max-rounds"))) {
			if (!number(v, &n) || n < 1 || n > 100) {
				fprintf(stderr, "kmemlint: --max-rounds: '%s' is not a number of rounds (1 to 100)\n", v);
				return -1;
			}
			o->max_rounds = (int)n;
		} else if ((v = opt_value(argc, argv, &i, "--mem-limit"))) {
			if (!number(v, &n) || (n && n < 64) || n > (1L << 30)) {
				fprintf(stderr, "kmemlint: --mem-limit: '%s' is not a number of MB (64 or more, 0 for none)\n", v);
				return -1;
			}
			o->mem_limit = n;
		} else if ((v = opt_value(argc, argv, &i, "--budget"))) {
			o->budget = atoi(v);
		} else if (!strcmp(a, "--strict")) {
			o->strict = true;
		} else if (!strcmp(a, "--verbose")) {
			o->verbose = true;
		} else if ((v = opt_value(argc, argv, &i, "--shard"))) {
			if (scan_parse_shard(v, &o->shard_k, &o->shard_n))
				return -1;
		} else if (!strcmp(a, "--no-ir-cache")) {
			o->no_ir_cache = true;
		} else if (!strcmp(a, "--list-files")) {
			o->list_files = true;
		} else if (a[0] == '-') {
			fprintf(stderr, "kmemlint: scan: unknown option '%s'\n", a);
			return -1;
		} else if (o->path) {
			fprintf(stderr, "kmemlint: scan: one DIR or compile_commands.json, not '%s' too\n", a);
			return -1;
		} else {
			o->path = a;
		}
	}
	if (!o->path) {
		usage(stderr);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- jobs */

static int cmp_job(const void *a, const void *b)
{
	return strcmp(((const struct compile_job *)a)->file,
		      ((const struct compile_job *)b)->file);
}

/* Absolute file names, sorted, each file once. */
static void normalise_jobs(struct job_list *jl)
{
	size_t i, j = 0;

	for (i = 0; i < jl->n; i++) {
		struct compile_job *job = &jl->v[i];

		if (job->file[0] != '/' && job->dir) {
			char *abs = xstrfmt("%s/%s", job->dir, job->file);
			char *real = realpath(abs, NULL);

			free(job->file);
			job->file = real ? real : xstrdup(abs);
			if (real)
				free(abs);
			else
				free(abs);
		}
	}
	qsort(jl->v, jl->n, sizeof(*jl->v), cmp_job);
	for (i = 0; i < jl->n; i++) {
		if (j && !strcmp(jl->v[j - 1].file, jl->v[i].file)) {
			free(jl->v[i].file);
			free(jl->v[i].dir);
			strvec_clear(&jl->v[i].args);
			continue;
		}
		jl->v[j++] = jl->v[i];
	}
	jl->n = j;
}

static int collect_jobs(struct scan *sc)
{
	const struct scan_opts *o = sc->o;
	struct stat st;
	char kdir[4096];

	if (stat(o->path, &st)) {
		fprintf(stderr, "kmemlint: %s: %s\n", o->path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (o->kdir)
			snprintf(kdir, sizeof(kdir), "%s", o->kdir);
		else if (fe_find_kdir(kdir, sizeof(kdir)))
			return -1;
		if (fe_jobs_from_kbuild_dir(kdir, o->path, o->jobs, &sc->jobs,
					    &sc->unbuilt))
			return -1;
	} else if (fe_jobs_from_compdb(o->path, NULL, 0, &sc->jobs) &&
		   !sc->jobs.n) {
		return -1;
	}
	normalise_jobs(&sc->jobs);
	if (o->shard_n)
		scan_take_shard(&sc->jobs, o->shard_k, o->shard_n);
	return sc->jobs.n || o->shard_n ? 0 : -1;
}

/* -------------------------------------------------------------- output */

static void relabel_path(char *p, const char *cwd, size_t n)
{
	if (!strncmp(p, cwd, n) && p[n] == '/')
		memmove(p, p + n + 1, strlen(p + n));
}

/* Paths relative to the current directory when under it. */
static void relabel(struct finding_list *fl, const char *cwd)
{
	size_t i, n = cwd ? strlen(cwd) : 0;
	int k;

	if (n && strcmp(cwd, "/"))
		for (i = 0; i < fl->n; i++) {
			relabel_path(fl->v[i].file, cwd, n);
			for (k = 0; k < fl->v[i].nnotes; k++)
				relabel_path(fl->v[i].notes[k].file, cwd, n);
		}
}

static double cpu_of(int who)
{
	struct rusage ru;

	if (getrusage(who, &ru))
		return 0;
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static const char *why(const struct scan *sc, const struct scan_file *sf,
		       char *buf, size_t len)
{
	switch (sf->fail) {
	case SF_PARSE:
		return "does not parse";
	case SF_SIGNAL:
		snprintf(buf, len, "killed by signal %d (%s)", sf->sig,
			 strsignal(sf->sig));
		return buf;
	case SF_TIMEOUT:
		snprintf(buf, len, "over the time limit of %d s", sc->o->timeout);
		return buf;
	case SF_MEMORY:
		snprintf(buf, len, "over the memory limit of %ld MB",
			 sc->o->mem_limit);
		return buf;
	case SF_EXIT:
		snprintf(buf, len, "the worker failed (status %d)", sf->sig);
		return buf;
	default:
		return "";
	}
}

/* A file as the findings name it: relative to the current directory
 * when under it. */
static const char *shown(const char *path)
{
	static char *cwd;
	size_t n;

	if (!cwd)
		cwd = getcwd(NULL, 0);
	n = cwd ? strlen(cwd) : 0;
	if (n > 1 && !strncmp(path, cwd, n) && path[n] == '/')
		return path + n + 1;
	return path;
}

static int ran_files(const struct scan *sc)
{
	size_t i;
	int n = 0;

	for (i = 0; i < sc->jobs.n; i++)
		n += sc->files[i].ran;
	return n;
}

static void summary_table(const struct scan *sc, const struct finding_list *all,
			  double wall)
{
	const struct rule_info *r;
	int analysed = 0, failed = 0, fns = 0, over = 0;
	size_t i, k;
	char buf[128];

	for (i = 0; i < sc->jobs.n; i++) {
		const struct scan_file *sf = &sc->files[i];

		if (sf->fail)
			failed++;
		else if (sf->analysed)
			analysed++;
		fns += sf->functions;
		over += sf->budget_hit;
	}
	fprintf(stderr, "kmemlint scan: %zu files: %d analysed, %d failed",
		sc->jobs.n, analysed, failed);
	if (sc->unbuilt.n)
		fprintf(stderr, "; %zu more .c files are not built with this configuration",
			sc->unbuilt.n);
	fputc('\n', stderr);
	for (i = 0; i < sc->jobs.n; i++)
		if (sc->files[i].fail)
			fprintf(stderr, "  failed     %s: %s\n", shown(sc->jobs.v[i].file),
				why(sc, &sc->files[i], buf, sizeof(buf)));
	if (sc->o->verbose)
		for (i = 0; i < sc->unbuilt.n; i++)
			fprintf(stderr, "  not built  %s\n", shown(sc->unbuilt.v[i]));
	fprintf(stderr, "  analyses   %d in %d round%s (%d again after what they read of other files changed), %zu files reused from the database\n",
		sc->nrun, sc->rounds, sc->rounds == 1 ? "" : "s", sc->reran,
		sc->jobs.n - (size_t)ran_files(sc));
	if (sc->resumed)
		fprintf(stderr, "  resumed    %d files kept from an interrupted scan, not analysed again\n",
			sc->resumed);
	if (sc->left_stale)
		fprintf(stderr, "  note       %d files read facts of other files that changed in the last round; a new scan analyses them again\n",
			sc->left_stale);
	fprintf(stderr, "  database   %s (%.1f MB)\n", shown(sc->dbpath),
		kdb_size(sc->dbpath) / 1048576.0);
	if (sc->indexed)
		fprintf(stderr, "  index      %d files before the first round, which their calls ordered: %d parsed, %d from the IR cache\n",
			sc->indexed, sc->index_parsed,
			sc->indexed - sc->index_parsed);
	if (sc->irdir) {
		fprintf(stderr, "  IR cache   %d analyses from the cache, %d parsed (%d for a function not in the cache), %.1f MB",
			sc->ir_hits, sc->ir_parses, sc->ir_fallbacks,
			sc->ir_bytes / 1048576.0);
		if (sc->ir_unwritten)
			fprintf(stderr, "; %d parsed files' IR could not be written",
				sc->ir_unwritten);
		fputc('\n', stderr);
		if (sc->fn_reused || sc->sum_reused)
			fprintf(stderr, "  reuse      %ld summary explorations and %ld report passes taken from the last analysis (their queries answered the same); %ld and %ld run\n",
				sc->sum_reused, sc->fn_reused,
				sc->sum_explored, sc->fn_explored);
		if (sc->polluted)
			fprintf(stderr, "  note       %ld explorations ran after a replay of their memo had changed what they read: their results may differ from a scan with KMEMLINT_NO_REUSE=1\n",
				sc->polluted);
	}
	fprintf(stderr, "  functions  %d (%d over budget)\n", fns, over);
	fprintf(stderr, "  findings   %zu\n", all->n);
	for (i = 0; (r = rule_nth(i)); i++) {
		int n = 0;

		for (k = 0; k < all->n; k++)
			n += !strcmp(all->v[k].rule, r->id);
		if (n)
			fprintf(stderr, "    %-20s %d\n", r->id, n);
	}
	fprintf(stderr, "  wall time  %.1f s\n", wall);
	fprintf(stderr, "  CPU time   %.1f s (workers %.1f s)\n",
		cpu_of(RUSAGE_SELF) + cpu_of(RUSAGE_CHILDREN), sc->worker_cpu);
	if (sc->worker_rss_kb > 0)
		fprintf(stderr, "  memory     %.1f MB peak RSS of a worker (%s)\n",
			sc->worker_rss_kb / 1024.0,
			sc->jobs.v[sc->worker_rss_file].file);
}

/* ---------------------------------------------------------------- main */

/* The tree: DIR, or the directory of the compilation database. */
static char *tree_root(const char *path)
{
	char *real = realpath(path, NULL), *slash;
	struct stat st;

	if (!real)
		return xstrdup(path);
	if (!stat(real, &st) && !S_ISDIR(st.st_mode)) {
		slash = strrchr(real, '/');
		if (slash && slash != real)
			*slash = '\0';
	}
	return real;
}

static int rm_entry(const char *path, const struct stat *st, int type,
		    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

static int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

int scan_main(int argc, char **argv)
{
	struct scan_opts o;
	struct scan sc;
	struct finding_list all;
	const char *tmpdir = getenv("TMPDIR");
	double t0 = mono_seconds();
	struct kdb *db = NULL;
	char *stamp = NULL;
	char *cwd = getcwd(NULL, 0);
	struct strvec analysed;
	int ret = 2, failed = 0;
	size_t i;

	ret = fe_record_mode(argc, argv);
	if (ret >= 0)
		return ret;
	memset(&o, 0, sizeof(o));
	strvec_init(&o.rules);
	strvec_init(&analysed);
	out_init(&o.out);
	/* all files' findings sorted together: the same output for any -j */
	o.out.batch = true;
	o.jobs = default_jobs();
	o.timeout = 120;
	o.max_rounds = 8;
	o.mem_limit = 4096;
	o.progress = isatty(2);
	memset(&sc, 0, sizeof(sc));
	sc.o = &o;
	job_list_init(&sc.jobs);
	strvec_init(&sc.unbuilt);
	findings_init(&all);
	ret = 2;
	if (parse_args(argc, argv, &o) ||
	    out_begin(&o.out, NULL, true) ||
	    api_load_default(o.rules.v, (int)o.rules.n) ||
	    collect_jobs(&sc))
		goto out;
	if (o.list_files) {
		for (i = 0; i < sc.jobs.n; i++) {
			size_t k;

			printf("%s", sc.jobs.v[i].file);
			for (k = 0; k < sc.jobs.v[i].args.n; k++)
				printf(" %s", sc.jobs.v[i].args.v[k]);
			putchar('\n');
		}
		ret = 0;
		goto out;
	}
	if (!tmpdir || !*tmpdir)
		tmpdir = "/tmp";
	sc.tmp = xstrfmt("%s/kmemlint-scan-XXXXXX", tmpdir);
	if (!mkdtemp(sc.tmp)) {
		fprintf(stderr, "kmemlint: %s: %s\n", sc.tmp, strerror(errno));
		free(sc.tmp);
		sc.tmp = NULL;
		goto out;
	}
	sc.files = xcalloc(sc.jobs.n, sizeof(*sc.files));
	for (i = 0; i < sc.jobs.n; i++) {
		struct scan_file *sf = &sc.files[i];

		sf->job = &sc.jobs.v[i];
		findings_init(&sf->findings);
		sf->content = scan_hash_file(sc.jobs.v[i].file);
		sf->flags = flags_hash(&sc.jobs.v[i]);
		sf->module = kdb_module_of(sc.jobs.v[i].args.v,
					   (int)sc.jobs.v[i].args.n);
	}
	sc.root = tree_root(o.path);
	sc.dbpath = o.db ? abs_db(o.db) : default_db(sc.root);
	db = kdb_open(sc.dbpath, false);
	stamp = tool_stamp(&o);
	if (!db || kdb_check_tool(db, stamp))
		goto out;
	sc.stamp = stamp;
	{
		const char *no = getenv("KMEMLINT_NO_IR_CACHE");

		if (!o.no_ir_cache && !(no && *no && strcmp(no, "0")))
			sc.irdir = xstrfmt("%s.ir", sc.dbpath);
	}
	if (scan_probe_consts(&sc) && o.verbose)
		fprintf(stderr, "kmemlint: could not evaluate the gfp flags of the headers; __GFP_NOFAIL is not honoured and no gfp mask counts as sleeping\n");
	scan_catch_signals(true);
	if (run_rounds(&sc, db)) {
		int left = sc.round_files - sc.round_done;

		const char *sig = sc.interrupted == SIGINT ? "SIGINT" :
				  sc.interrupted == SIGTERM ? "SIGTERM" :
				  strsignal(sc.interrupted);

		scan_catch_signals(false);
		if (!sc.rounds)
			fprintf(stderr, "kmemlint scan: interrupted by %s in the index pass, before any file was analysed; the same scan again starts over (the files parsed so far are read from the IR cache)\n",
				sig);
		else
			fprintf(stderr, "kmemlint scan: interrupted by %s: %d of the %d files of round %d are done and kept in %s; the same scan again analyses the other %d\n",
				sig, sc.round_done, sc.round_files, sc.rounds,
				shown(sc.dbpath), left > 0 ? left : 0);
		ret = 128 + sc.interrupted;
		goto out;
	}
	scan_catch_signals(false);
	kdb_compact(db);
	if (sc.irdir) {
		struct strvec keys;

		strvec_init(&keys);
		kdb_file_keys(db, &keys);
		scan_ir_prune(&sc, &keys);
		strvec_clear(&keys);
	}
	collect(&sc, db, &all);
	for (i = 0; i < sc.jobs.n; i++)
		failed += sc.files[i].fail != SF_NONE;
	relabel(&all, cwd);
	findings_sort(&all);
	/* the same pipeline as kmemlint FILE...: each file's findings
	 * filtered (suppressions of the analysed files, confidence, the
	 * change, the baseline), then one sorted output */
	for (i = 0; i < sc.jobs.n; i++)
		if (sc.files[i].analysed && !sc.files[i].fail)
			strvec_push(&analysed, shown(sc.jobs.v[i].file));
	out_files(&o.out, &all, cwd, &analysed);
	ret = out_finish(&o.out, cwd, false) ? 2 : 0;
	/* what was reported, after the filters */
	summary_table(&sc, &o.out.all, mono_seconds() - t0);
	if (o.out.ci.list_suppressions)
		o.out.nfindings = 0;
	if (!ret)
		ret = failed && o.strict ? 2 :
		      o.out.nfindings && !o.out.ci.write_baseline ? 1 : 0;
out:
	if (sc.tmp) {
		nftw(sc.tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		free(sc.tmp);
	}
	for (i = 0; sc.files && i < sc.jobs.n; i++) {
		findings_free(&sc.files[i].findings);
		free(sc.files[i].records);
		free(sc.files[i].content);
		free(sc.files[i].flags);
		free(sc.files[i].module);
	}
	free(sc.files);
	kdb_close(db);
	free(stamp);
	free(sc.root);
	free(sc.dbpath);
	free(sc.irdir);
	findings_free(&all);
	job_list_free(&sc.jobs);
	strvec_clear(&sc.unbuilt);
	strvec_clear(&o.rules);
	strvec_clear(&analysed);
	out_free(&o.out);
	source_cache_free();
	free(cwd);
	api_free_all();
	return ret;
}
