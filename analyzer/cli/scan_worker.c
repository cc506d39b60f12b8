// SPDX-License-Identifier: GPL-2.0
/*
 * One file of a scan, in its worker process: parse it with its flags,
 * lower it, run both passes of the engine, and write what the scan needs
 * as records (report/finding_io.h), for the summary database (db/):
 *
 *   module <KBUILD_MODNAME>
 *   dep <kind> <name>        what the analysis asked of other files
 *   sum ... / fact ...       the summaries (engine/summary_io.c)
 *   field ...                the field records
 *   init <rec> <field> <fn> <var> <line> <col>
 *                            a static initialiser storing fn in a field
 *   incl <path> <hash>       a file of the tree the file includes
 *   stat <functions> <over budget>
 *   finding ... / note ...
 *
 * What other files know comes from the database as it was when the
 * round began (the scan writes it between rounds only).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <clang-c/Index.h>

#include "scan.h"
#include "scan_ir.h"
#include "../checkers/checkers.h"
#include "../engine/analyze.h"
#include "../db/ext.h"
#include "../frontend/tu.h"
#include "../report/finding_io.h"
#include "../util/hmap.h"

/* Does the unit parse without an error?  Prints the first one. */
static bool parsed_clean(CXTranslationUnit tu, const char *file)
{
	unsigned i, nd = clang_getNumDiagnostics(tu);

	for (i = 0; i < nd; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		bool bad = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error;

		if (bad) {
			CXString s = clang_formatDiagnostic(d,
				CXDiagnostic_DisplaySourceLocation |
				CXDiagnostic_DisplayColumn);

			fprintf(stderr, "kmemlint: %s: error: not analysed: %s\n",
				file, clang_getCString(s));
			clang_disposeString(s);
		}
		clang_disposeDiagnostic(d);
		if (bad)
			return false;
	}
	return true;
}

CXTranslationUnit scan_parse(CXIndex idx, const struct compile_job *job)
{
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err;

	if (job->dir && chdir(job->dir)) {
		fprintf(stderr, "kmemlint: %s: error: cannot enter %s: %s\n",
			job->file, job->dir, strerror(errno));
		return NULL;
	}
	if (access(job->file, R_OK)) {
		fprintf(stderr, "kmemlint: %s: error: cannot read file: %s\n",
			job->file, strerror(errno));
		return NULL;
	}
	err = clang_parseTranslationUnit2(idx, job->file,
					  (const char *const *)job->args.v,
					  (int)job->args.n, NULL, 0,
					  tu_parse_options(),
					  &tu);
	if (err != CXError_Success || !tu) {
		fprintf(stderr, "kmemlint: %s: error: libclang could not parse the file (error %d)\n",
			job->file, (int)err);
		return NULL;
	}
	if (!parsed_clean(tu, job->file)) {
		clang_disposeTranslationUnit(tu);
		return NULL;
	}
	return tu;
}

char *scan_hash_file(const char *path)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	unsigned char buf[65536];
	ssize_t n, k;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return xstrdup("-");
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (k = 0; k < n; k++) {
			h ^= buf[k];
			h *= 0x100000001b3ULL;
		}
	close(fd);
	return xstrfmt("%016llx", (unsigned long long)h);
}

static int cmp_file(const void *key, const void *job)
{
	return strcmp(key, ((const struct compile_job *)job)->file);
}

/* A finding may be located in any file of the scan. */
static bool reportable(void *ctx, const char *file)
{
	const struct scan *sc = ctx;

	return bsearch(file, sc->jobs.v, sc->jobs.n, sizeof(*sc->jobs.v),
		       cmp_file) != NULL;
}

struct incl_ctx {
	const struct scan *sc;
	const char *main;
	FILE *out;
	struct scan_unit *unit;
};

static void put_incl(CXFile inc, CXSourceLocation *stack, unsigned depth,
		     CXClientData data)
{
	struct incl_ctx *ic = data;
	CXString name = clang_getFileName(inc);
	const char *p = clang_getCString(name);
	size_t n = strlen(ic->sc->root);
	char *real, *h;

	(void)stack;
	if (depth && p && (real = realpath(p, NULL))) {
		if (!strncmp(real, ic->sc->root, n) && real[n] == '/' &&
		    strcmp(real, ic->main)) {
			h = scan_hash_file(real);
			scan_unit_incl(ic->unit, real, h, ic->out);
			free(h);
		}
		free(real);
	}
	clang_disposeString(name);
}

/* This file's initialisers, for the other files. */
static void put_inits(const struct ir_program *prog, FILE *out)
{
	int i;

	for (i = 0; i < prog->nfn_inits; i++) {
		const struct ir_fn_init *fi = &prog->fn_inits[i];

		fputs("init\t", out);
		rec_put_str(out, fi->rec);
		fputc('\t', out);
		rec_put_str(out, fi->field);
		fputc('\t', out);
		rec_put_str(out, fi->fn);
		fputc('\t', out);
		rec_put_str(out, fi->var);
		fprintf(out, "\t%u\t%u\n", fi->loc.line, fi->loc.col);
	}
}

/*
 * The index pass (scan_index.c): the file parsed and lowered, and only
 * what orders the first round written, no analysis:
 *
 *   def <name>               a function the file defines for others
 *   dep s <name>             a function it calls and does not define
 *
 * Every function the analysis may ask for is lowered (the main file's,
 * and what they call or name that the unit defines), so that the IR
 * cache written here serves the first round without a parse.  A unit
 * read from the cache (its database was lost) follows calls only: a
 * function named there but not cached would make the worker parse.
 */
struct index_walk {
	struct ir_program *prog;
	struct hmap seen;
	FILE *out;
	bool designators;	/* lower the functions named (&fn) too */
};

static void index_fn(struct index_walk *w, const char *name);

static void index_expr(struct index_walk *w, const struct ir_expr *e)
{
	for (; e; e = e->b) {
		if (e->kind == EX_FUNC && e->field && w->designators)
			index_fn(w, e->field);
		index_expr(w, e->a);
	}
}

static void index_fn(struct index_walk *w, const char *name)
{
	struct ir_func *fn;
	int b, k, a;

	if (hmap_get(&w->seen, name))
		return;
	hmap_put(&w->seen, name, (void *)1);
	fn = w->prog->get(w->prog->ctx, name);
	if (!fn) {
		fputs("dep\ts\t", w->out);
		rec_put_str(w->out, name);
		fputc('\n', w->out);
		return;
	}
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bl = &fn->blocks[b];

		for (k = 0; k < bl->ninsns; k++) {
			const struct ir_insn *in = &bl->insns[k];

			index_expr(w, in->lhs);
			index_expr(w, in->rhs);
			if (!in->call)
				continue;
			if (in->call->callee)
				index_fn(w, in->call->callee);
			index_expr(w, in->call->fnexpr);
			for (a = 0; a < in->call->nargs; a++)
				index_expr(w, in->call->args[a]);
		}
		index_expr(w, bl->cond);
		index_expr(w, bl->ret);
	}
}

static int scan_index_worker(const struct scan *sc, int i, FILE *out)
{
	const struct compile_job *job = &sc->jobs.v[i];
	struct index_walk w;
	struct ir_program prog;
	struct scan_unit unit;
	struct incl_ctx ic = { sc, job->file, out, &unit };
	CXIndex idx = clang_createIndex(0, 0);
	char *module;
	int k;

	if (scan_unit_open(&unit, sc, i, idx))
		return WORKER_PARSE_FAILED;
	module = kdb_module_of(job->args.v, (int)job->args.n);
	fputs("module\t", out);
	rec_put_str(out, module);
	fputc('\n', out);
	scan_unit_program(&unit, &prog);
	w.prog = &prog;
	w.out = out;
	w.designators = !unit.cache;
	hmap_init(&w.seen);
	for (k = 0; k < prog.nmain; k++) {
		struct ir_func *fn = prog.get(prog.ctx, prog.main_fns[k]);

		if (fn && !fn->is_static) {
			fputs("def\t", out);
			rec_put_str(out, fn->name);
			fputc('\n', out);
		}
	}
	for (k = 0; k < prog.nmain; k++)
		index_fn(&w, prog.main_fns[k]);
	for (k = 0; k < prog.nfn_inits; k++)
		index_fn(&w, prog.fn_inits[k].fn);
	if (unit.failed)
		return WORKER_PARSE_FAILED;
	if (unit.cache && !unit.tu)
		scan_unit_cached_incl(&unit, out);
	else
		clang_getInclusions(unit.tu, put_incl, &ic);
	fputs("stat\t0\t0\n", out);
	scan_unit_finish(&unit, out);
	/* the process ends here: no need to free the unit */
	return ferror(out) ? 2 : 0;
}

int scan_worker(const struct scan *sc, int i, FILE *out)
{
	const struct compile_job *job = &sc->jobs.v[i];
	struct analyze_opts aopts;
	struct analyze_stats stats = { 0, 0, 0, 0, 0, 0, 0 };
	struct finding_list fl;
	struct ir_program prog;
	struct scan_unit unit;
	struct kdb *db = NULL;
	struct kdb_ext *x;
	struct incl_ctx ic = { sc, job->file, out, &unit };
	CXIndex idx;
	char *module, *memo_in, *memo = NULL;
	const char *e;
	size_t memo_len = 0;
	bool no_reuse;

	if (sc->indexing)
		return scan_index_worker(sc, i, out);
	idx = clang_createIndex(0, 0);
	if (scan_unit_open(&unit, sc, i, idx))
		return WORKER_PARSE_FAILED;
	if (sc->dbpath && !access(sc->dbpath, R_OK))
		db = kdb_open(sc->dbpath, true);
	module = kdb_module_of(job->args.v, (int)job->args.n);
	fputs("module\t", out);
	rec_put_str(out, module);
	fputc('\n', out);
	x = kdb_ext_new(db, job->file, module, out, reportable, (void *)sc);
	findings_init(&fl);
	scan_unit_program(&unit, &prog);
	prog.consts = sc->consts;
	put_inits(&prog, out);
	kdb_ext_add_inits(x, &prog);
	memset(&aopts, 0, sizeof(aopts));
	aopts.budget = sc->o->budget;
	aopts.ext = kdb_ext_source(x);
	aopts.export = out;
	/* KMEMLINT_NO_REUSE=1: every exploration run (engine/reuse.c) */
	no_reuse = (e = getenv("KMEMLINT_NO_REUSE")) && *e && strcmp(e, "0");
	memo_in = no_reuse ? NULL : scan_unit_memo_read(&unit);
	aopts.reuse_in = memo_in;
	aopts.reuse_key = hash_str(sc->stamp ? sc->stamp : "");
	aopts.reuse_out = unit.path && !no_reuse ?
			  open_memstream(&memo, &memo_len) : NULL;
	analyze_program(&prog, all_checkers, nr_checkers, &aopts, &fl, &stats);
	if (aopts.reuse_out && fclose(aopts.reuse_out)) {
		free(memo);
		memo = NULL;
	}
	if (unit.failed)
		return WORKER_PARSE_FAILED;
	findings_sort(&fl);
	/* the parse's includes: the cache's when the unit came from it */
	if (unit.cache && !unit.tu)
		scan_unit_cached_incl(&unit, out);
	else
		clang_getInclusions(unit.tu, put_incl, &ic);
	fprintf(out, "stat\t%d\t%d\n", stats.functions, stats.budget_hit);
	unit.reused = stats.reused;
	unit.explored = stats.explored;
	unit.sum_reused = stats.sum_reused;
	unit.sum_explored = stats.sum_explored;
	unit.polluted = stats.polluted;
	scan_unit_finish(&unit, out);
	scan_unit_memo_write(&unit, memo, memo_len);
	findings_write_recs(out, &fl);
	/* the process ends here: no need to free the unit */
	return ferror(out) ? 2 : 0;
}

/* The whole record file; it must hold the "stat" line. */
int scan_read_results(struct scan *sc, int i, const char *path)
{
	struct scan_file *sf = &sc->files[i];
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	char buf[65536];
	size_t n;

	if (!f)
		return -1;
	mem = open_memstream(&text, &len);
	while (mem && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, mem);
	fclose(f);
	if (!mem)
		return -1;
	fclose(mem);
	free(sf->records);
	sf->records = text;
	return strstr(text, "\nstat\t") || !strncmp(text, "stat\t", 5) ? 0 : -1;
}

/* The header probe, in a child of its own: the scan process itself never
 * runs libclang, so that every worker is forked from a clean process. */
int scan_probe_consts(struct scan *sc)
{
	char *path = scan_result_path(sc, -1, "consts");
	const struct compile_job *job = &sc->jobs.v[0];
	int status, fd, ret = -1;
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		struct header_consts c;
		CXIndex idx = clang_createIndex(0, 0);

		if (job->dir && chdir(job->dir))
			_exit(1);
		if (tu_probe_header_consts(idx, (const char *const *)job->args.v,
					   (int)job->args.n, &c))
			_exit(1);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || write(fd, &c, sizeof(c)) != (ssize_t)sizeof(c))
			_exit(1);
		close(fd);
		_exit(0);
	}
	if (pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && !WEXITSTATUS(status)) {
		fd = open(path, O_RDONLY);
		if (fd >= 0 && read(fd, &sc->consts, sizeof(sc->consts)) ==
		    (ssize_t)sizeof(sc->consts))
			ret = 0;
		if (fd >= 0)
			close(fd);
	}
	if (ret)
		memset(&sc->consts, 0, sizeof(sc->consts));
	unlink(path);
	free(path);
	return ret;
}
