// SPDX-License-Identifier: GPL-2.0
/* One file of kmemlint FILE..., -p or kbuild's CHECK: parse it with
 * libclang, lower it, run the checkers (see cli.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../checkers/checkers.h"
#include "../db/ext.h"
#include "../frontend/tu.h"

char *abs_path(const char *dir, const char *file)
{
	if (file[0] == '/' || !dir)
		return xstrdup(file);
	return xstrfmt("%s/%s", dir, file);
}

char *cwd_path(const char *file)
{
	char *cwd = file[0] == '/' ? NULL : getcwd(NULL, 0), *p;

	p = abs_path(cwd, file);
	free(cwd);
	return p;
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

int analyse_job(CXIndex idx, const struct compile_job *job,
		       const struct options *o, struct finding_list *out,
		       struct analyze_stats *stats)
{
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err;
	char *path = abs_path(job->dir, job->file);
	char *cwd = getcwd(NULL, 0);
	struct analyze_opts aopts = { o->budget, o->verbose, o->dump_ir,
				      o->dump_summaries ? stdout : NULL,
				      NULL, NULL, NULL, 0, NULL };
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
					  tu_parse_options(),
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

void relabel(struct finding_list *fl, const char *cwd)
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

