// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint: find misuse of the kernel's memory-allocation API.
 *
 *   kmemlint [options] file.c...              flags of an external module
 *   kmemlint [options] -p build/ [file.c...]  compile_commands.json
 *   make C=2 CHECK="kmemlint [options]"       kbuild's CHECK interface
 *   kmemlint scan|report|install-hook ...     subcommands
 *
 * See cli.h for how the files of this directory share the work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "hook.h"
#include "scan.h"
#include "../engine/apitable.h"
#include "../report/source.h"

static bool looks_like_compiler_cmdline(const struct options *o)
{
	size_t i;

	for (i = 0; i < o->rest.n; i++)
		if (o->rest.v[i][0] == '-')
			return true;
	return false;
}

static int make_jobs(struct options *o, bool kbuild_mode,
		     struct job_list *jobs)
{
	char kdir[4096];
	int ret;

	if (o->compdb)
		return fe_jobs_from_compdb(o->compdb, o->rest.v,
					   (int)o->rest.n, jobs);
	if (kbuild_mode)
		return fe_jobs_from_cmdline((int)o->rest.n, o->rest.v, jobs);
	if (o->kdir) {
		snprintf(kdir, sizeof(kdir), "%s", o->kdir);
		ret = 0;
	} else {
		ret = fe_find_kdir(kdir, sizeof(kdir));
	}
	if (!ret)
		ret = fe_jobs_from_kdir(kdir, o->rest.v, (int)o->rest.n, jobs);
	return ret;
}

/* Analyse one job and hand its findings to the output pipeline; false
 * when the file could not be analysed (or a spatch run failed). */
static bool one_job(CXIndex idx, struct options *o,
		    const struct compile_job *job, bool kbuild_mode,
		    const char *start_cwd, struct analyze_stats *stats)
{
	struct finding_list fl;
	char *path = abs_path(job->dir, job->file);
	bool analysed, ok;

	findings_init(&fl);
	analysed = ok = !analyse_job(idx, job, o, &fl, stats);
	if (analysed && (o->cocci.run || o->cocci.fix)) {
		size_t n = start_cwd ? strlen(start_cwd) : 0;
		const char *rel = n && !strncmp(path, start_cwd, n) &&
				  path[n] == '/' ? path + n + 1 : path;

		if (cocci_file(&o->cocci, path, rel, &fl))
			ok = false;
	}
	findings_sort(&fl);
	if (!kbuild_mode)
		relabel(&fl, start_cwd);
	{
		char *name = xstrdup(path);

		if (!kbuild_mode) {
			/* the name the findings have (relabel) */
			struct finding tmp = { .file = name };
			struct finding_list one = { &tmp, 1, 1 };

			relabel(&one, start_cwd);
			name = tmp.file;
		}
		/* a file that was not analysed has no suppressions to use */
		out_file(&o->out, analysed ? path : NULL, name, &fl);
		free(name);
	}
	free(path);
	return ok;
}

int kmemlint_main(int argc, char **argv)
{
	struct options o;
	struct job_list jobs;
	struct analyze_stats stats = { 0, 0, 0, 0, 0, 0, 0 };
	CXIndex idx;
	char *start_cwd = getcwd(NULL, 0);
	bool kbuild_mode;
	int nfailed = 0, ret;
	size_t j;

	if (fe_dump_args_mode(argc, argv))
		return 0;
	if (argc > 1 && !strcmp(argv[1], "install-hook"))
		return install_hook(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "scan"))
		return scan_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "merge"))
		return merge_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "report"))
		return report_main(argc - 1, argv + 1);
	if (check_registry())
		return 2;
	memset(&o, 0, sizeof(o));
	strvec_init(&o.rules);
	strvec_init(&o.rest);
	out_init(&o.out);
	job_list_init(&jobs);
	ret = 2;
	if (parse_args(argc, argv, &o))
		goto out;
	if (out_begin(&o.out, &o.rest, o.rest.n > 0))
		goto out;
	if (!o.rest.n && !o.compdb &&
	    (o.out.ci.diff_rev || o.out.ci.staged)) {
		ret = 0;	/* the change has no C file */
		goto out;
	}
	if (!o.rest.n && !o.compdb) {
		usage(stderr);
		goto out;
	}
	if (api_load_default(o.rules.v, (int)o.rules.n))
		goto out;
	kbuild_mode = !o.compdb && looks_like_compiler_cmdline(&o);
	/* one process per file under kbuild: each adds to --output; the
	 * one-document formats are for kmemlint report to merge there */
	o.out.append = kbuild_mode || o.out.format == FMT_TEXT ||
		       o.out.format == FMT_JSON;
	/* --fix without --fix-output: stdout is the diff */
	o.out.to_stderr = o.cocci.fix && !o.cocci.fix_output;
	ret = make_jobs(&o, kbuild_mode, &jobs);
	if (ret && !jobs.n) {
		ret = 2;
		goto out;
	}
	if (ret)
		nfailed++;
	if ((o.cocci.run || o.cocci.fix) && cocci_begin(&o.cocci)) {
		ret = 2;
		cocci_end(&o.cocci);
		goto out;
	}
	idx = clang_createIndex(0, 0);
	for (j = 0; j < jobs.n; j++)
		if (!one_job(idx, &o, &jobs.v[j], kbuild_mode, start_cwd,
			     &stats))
			nfailed++;
	clang_disposeIndex(idx);
	if ((o.cocci.run || o.cocci.fix) && cocci_end(&o.cocci))
		nfailed++;
	if (out_finish(&o.out, start_cwd, kbuild_mode))
		nfailed++, o.strict = true;
	if (o.out.ci.list_suppressions)
		o.out.nfindings = 0;
	if (o.verbose)
		fprintf(stderr, "kmemlint: %d functions, %d over budget, %d findings\n",
			stats.functions, stats.budget_hit, o.out.nfindings);
	if (nfailed && o.strict)
		ret = 2;
	else if (o.out.nfindings && (!kbuild_mode || o.werror) &&
		 !o.out.ci.write_baseline)
		ret = 1;
	else
		ret = 0;
out:
	job_list_free(&jobs);
	api_free_all();
	strvec_clear(&o.rules);
	strvec_clear(&o.rest);
	out_free(&o.out);
	source_cache_free();
	free(start_cwd);
	return ret;
}
