// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint report [options] FILE.jsonl...: the findings of earlier runs,
 * as written by --format=json (JSON Lines; under kbuild's C=1/C=2 each
 * file's process adds its lines to one --output file), as one document:
 * SARIF, HTML or text.  The findings go through the same output pipeline
 * as a run's (output.c): --min-confidence and --baseline apply; the
 * suppressions were applied by the runs that wrote them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../report/finding_json.h"
#include "../report/source.h"

static void report_usage(FILE *f)
{
	fputs("usage: kmemlint report [options] FILE.jsonl...\n"
	      "\n"
	      "Reads the findings that kmemlint --format=json wrote (JSON Lines,\n"
	      "'-' for stdin) and writes them as one document: the way to get\n"
	      "SARIF or HTML out of kbuild's C=1/C=2, where each file is its own\n"
	      "kmemlint process:\n"
	      "\n"
	      "  make -C $KDIR M=$PWD C=2 CHECK=\"kmemlint --format=json --output=$PWD/f.jsonl\"\n"
	      "  kmemlint report --format=sarif --output=kmemlint.sarif f.jsonl\n"
	      "\n"
	      "Options:\n", f);
	fputs(out_usage, f);
	fputs("\n(--diff, --staged and --list-suppressions are for runs, not here.)\n"
	      "\n"
	      "Exit status: 0 no findings, 1 findings, 2 an input could not be read\n"
	      "(the message names the file and line).\n", f);
}

int report_main(int argc, char **argv)
{
	struct out_opts o;
	struct finding_list all;
	struct strvec inputs;
	char *cwd = getcwd(NULL, 0);
	int i, r, ret = 2;
	size_t k;

	out_init(&o);
	findings_init(&all);
	strvec_init(&inputs);
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			report_usage(stdout);
			ret = 0;
			goto out;
		}
		r = out_parse_opt(argc, argv, &i, &o);
		if (r < 0)
			goto out;
		if (r)
			continue;
		if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "kmemlint: report: unknown option '%s'\n", argv[i]);
			goto out;
		}
		strvec_push(&inputs, argv[i]);
	}
	if (!inputs.n) {
		report_usage(stderr);
		goto out;
	}
	if (o.ci.diff_rev || o.ci.staged || o.ci.list_suppressions) {
		fprintf(stderr, "kmemlint: report: --diff, --staged and --list-suppressions apply to a run, not to its findings\n");
		goto out;
	}
	o.batch = true;
	if (out_begin(&o, NULL, true))
		goto out;
	for (k = 0; k < inputs.n; k++)
		if (findings_read_json(inputs.v[k], &all))
			goto out;
	findings_sort(&all);
	/* no source paths: suppressions were the runs' business */
	out_files(&o, &all, NULL, NULL);
	ret = out_finish(&o, cwd, false) ? 2 : o.nfindings && !o.ci.write_baseline ? 1 : 0;
out:
	findings_free(&all);
	strvec_clear(&inputs);
	out_free(&o);
	source_cache_free();
	free(cwd);
	return ret;
}
