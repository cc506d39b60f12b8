// SPDX-License-Identifier: GPL-2.0
/* The output pipeline of every way in (see output.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "../report/html.h"
#include "../report/sarif.h"

const char out_usage[] =
	"  --format=FORMAT      text: GCC-style (default); json: JSON Lines;\n"
	"                       sarif: SARIF 2.1.0; html: a report page\n"
	"  --output=FILE        write the findings to FILE instead of stdout\n"
	"  --min-confidence=high|medium\n"
	"                       report only findings this sure (medium: all)\n"
	"  --baseline=FILE      do not report the findings FILE lists\n"
	"  --write-baseline=FILE  write the findings of this run to FILE\n"
	"  --diff=REV           report only on lines changed since REV\n"
	"  --staged             report only on lines of the staged change\n"
	"  --list-suppressions  list the kmemlint-ignore comments instead\n";

const char *opt_value(int argc, char **argv, int *i, const char *opt)
{
	size_t n = strlen(opt);

	if (!strncmp(argv[*i], opt, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (!strcmp(argv[*i], opt) && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

void out_init(struct out_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->format = FMT_TEXT;
	ci_init(&o->ci);
	findings_init(&o->all);
}

int out_parse_opt(int argc, char **argv, int *i, struct out_opts *o)
{
	static const char *const names[] = { "text", "json", "sarif", "html" };
	const char *v;
	int k;

	if ((v = opt_value(argc, argv, i, "--format"))) {
		for (k = 0; k < 4; k++)
			if (!strcmp(v, names[k]))
				break;
		if (k == 4) {
			fprintf(stderr, "kmemlint: unknown format '%s' (text, json, sarif or html)\n", v);
			return -1;
		}
		o->format = k;
		return 1;
	}
	if ((v = opt_value(argc, argv, i, "--output"))) {
		o->output = v;
		return 1;
	}
	return ci_parse_opt(argc, argv, i, &o->ci);
}

int out_begin(struct out_opts *o, struct strvec *files, bool named)
{
	return ci_begin(&o->ci, files, named);
}

/* Write the whole buffer at once so parallel kbuild jobs don't
 * interleave. */
static void emit(struct out_opts *o, const char *buf, size_t len,
		 bool first)
{
	FILE *f;

	if (!o->output) {
		FILE *to = o->to_stderr ? stderr : stdout;

		fwrite(buf, 1, len, to);
		fflush(to);
		return;
	}
	f = fopen(o->output, o->append || !first ? "a" : "w");
	if (!f || fwrite(buf, 1, len, f) != len) {
		fprintf(stderr, "kmemlint: %s: %s\n", o->output, strerror(errno));
		fwrite(buf, 1, len, stdout);
		o->failed = 1;
	}
	if (f && fclose(f))
		o->failed = 1;
}

static bool one_document(const struct out_opts *o)
{
	return o->format == FMT_SARIF || o->format == FMT_HTML || o->batch;
}

static void write_list(struct out_opts *o, const struct finding_list *fl,
		       const char *cwd, bool first)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	if (!mem) {
		o->failed = 1;
		return;
	}
	if (o->format == FMT_SARIF)
		report_sarif(mem, fl, cwd);
	else if (o->format == FMT_HTML)
		report_html(mem, fl, cwd);
	else if (o->format == FMT_JSON)
		report_json(mem, fl);
	else
		report_text(mem, fl);
	fclose(mem);
	if (len || first)
		emit(o, buf, len, first);
	free(buf);
}

void out_file(struct out_opts *o, const char *path, const char *name,
	      struct finding_list *fl)
{
	size_t k;

	ci_filter(&o->ci, path, name, fl);
	if (o->ci.list_suppressions) {
		findings_free(fl);
		return;
	}
	o->nfindings += (int)fl->n;
	if (one_document(o)) {
		for (k = 0; k < fl->n; k++)
			findings_add(&o->all, &fl->v[k]);
		fl->n = 0;
	} else if (fl->n) {
		write_list(o, fl, NULL, false);
	}
	findings_free(fl);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void out_files(struct out_opts *o, struct finding_list *all, const char *cwd,
	       const struct strvec *more_files)
{
	struct strvec names;
	size_t i, k;

	strvec_init(&names);
	for (i = 0; i < all->n; i++)
		strvec_push(&names, all->v[i].file);
	for (i = 0; more_files && i < more_files->n; i++)
		strvec_push(&names, more_files->v[i]);
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), cmp_str);
	for (i = 0; i < names.n; i++) {
		struct finding_list fl;
		char *path = NULL;

		if (i && !strcmp(names.v[i], names.v[i - 1]))
			continue;
		findings_init(&fl);
		for (k = 0; k < all->n; k++)
			if (all->v[k].file && !strcmp(all->v[k].file, names.v[i])) {
				findings_add(&fl, &all->v[k]);
				memset(&all->v[k], 0, sizeof(all->v[k]));
			}
		if (cwd)
			path = names.v[i][0] == '/' ? xstrdup(names.v[i]) :
			       xstrfmt("%s/%s", cwd, names.v[i]);
		findings_sort(&fl);
		out_file(o, path, names.v[i], &fl);
		free(path);
	}
	/* every finding was handed on */
	free(all->v);
	findings_init(all);
	strvec_clear(&names);
}

int out_finish(struct out_opts *o, const char *cwd, bool append_baseline)
{
	int ret = 0;

	/* in the order of the files (out_files: sorted by name) */
	if (one_document(o) && !o->ci.list_suppressions)
		write_list(o, &o->all, cwd, true);
	if (ci_finish(&o->ci, append_baseline))
		ret = -1;
	if (o->failed)
		ret = -1;
	return ret;
}

void out_free(struct out_opts *o)
{
	ci_free(&o->ci);
	findings_free(&o->all);
}
