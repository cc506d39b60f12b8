// SPDX-License-Identifier: GPL-2.0
/*
 * What one file's analysis reads of the other files of its tree, from
 * the summary database (struct ext_source, engine/analyze.h):
 *
 *   - the summary of a function it calls and does not define: a
 *     non-static function of another file, of the same module
 *     (KBUILD_MODNAME) if one has it, else the only one of the tree;
 *   - the records other files of the same module wrote about a struct
 *     field (probe() stores, remove() frees), callbacks included;
 *   - the functions of this file that other files of the module store
 *     in ops-table fields (.ndo_start_xmit = foo_xmit).
 *
 * Each question is written to deps (when given) as "dep <kind> <name>",
 * so that the scan can tell which files to analyse again when the answer
 * changes.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_impl.h"
#include "ext.h"
#include "../report/finding_io.h"
#include "../util/hmap.h"

struct kdb_ext {
	struct kdb *db;
	char *file;
	char *module;
	FILE *deps;
	struct hmap asked;
	struct ext_source src;
	sqlite3_stmt *q_sum, *q_field, *q_init;
	bool (*reportable)(void *ctx, const char *file);
	void *rctx;
	struct ir_fn_init *inits;	/* prog's, with the other files' */
	struct kdb_init *ki;
	int nki;
	struct kdb *own_db;		/* opened by kdb_ext_for_file */
};

static void dep(struct kdb_ext *x, char kind, const char *name)
{
	char *k;

	if (!x->deps)
		return;
	k = xstrfmt("%c %s", kind, name);
	if (!hmap_get(&x->asked, k)) {
		hmap_put(&x->asked, k, (void *)1);
		fprintf(x->deps, "dep\t%c\t", kind);
		rec_put_str(x->deps, name);
		fputc('\n', x->deps);
	}
	free(k);
}

static char *ext_summary(void *ctx, const char *name)
{
	struct kdb_ext *x = ctx;
	sqlite3_stmt *st = x->q_sum;
	char *body = NULL, *mod;
	int rows = 0;

	dep(x, 's', name);
	if (!st)
		return NULL;
	sqlite3_reset(st);
	kdb_bind(st, 1, name);
	kdb_bind(st, 2, x->file);
	kdb_bind(st, 3, x->module);
	while (sqlite3_step(st) == SQLITE_ROW && rows < 2) {
		rows++;
		if (rows == 1) {
			body = kdb_col(st, 0);
			mod = kdb_col(st, 1);
			if (!strcmp(mod, x->module)) {
				char *b = body;

				free(mod);
				/* its stores are among the module's field
				 * records (engine/field_values.c) */
				if (*x->module) {
					body = xstrfmt("%s\nsame-module\n", b);
					free(b);
				}
				break;		/* the module's own */
			}
			free(mod);
		} else {
			free(body);	/* two other modules: which? */
			body = NULL;
		}
	}
	/* end the read at once: the parent writes while workers run */
	sqlite3_reset(st);
	return body;
}

/* "file <path>" before each file's records */
static char *joined(sqlite3_stmt *st)
{
	char *out = NULL, *last = NULL;
	size_t n = 0;

	while (sqlite3_step(st) == SQLITE_ROW) {
		char *path = kdb_col(st, 0), *body = kdb_col(st, 1), *add;
		size_t len;

		if (!last || strcmp(last, path)) {
			add = xstrfmt("file\t%s\n%s\n", path, body);
			free(last);
			last = xstrdup(path);
		} else {
			add = xstrfmt("%s\n", body);
		}
		len = strlen(add);
		out = xrealloc(out, n + len + 1);
		memcpy(out + n, add, len + 1);
		n += len;
		free(add);
		free(path);
		free(body);
	}
	sqlite3_reset(st);
	free(last);
	return out;
}

/* The dependency is on the records of one kind about key ("f <kind>
 * <key>"): a file that tests a mode field is not analysed again when
 * another file adds a use of a pointer field of that name. */
static void ext_depends(void *ctx, const char *kind, const char *key)
{
	struct kdb_ext *x = ctx;
	char *name = xstrfmt("%s %s", kind, key);

	dep(x, 'f', name);
	free(name);
}

static char *ext_fields(void *ctx, const char *key)
{
	struct kdb_ext *x = ctx;

	if (!x->q_field)
		return NULL;
	sqlite3_reset(x->q_field);
	kdb_bind(x->q_field, 1, key);
	kdb_bind(x->q_field, 2, x->module);
	kdb_bind(x->q_field, 3, x->file);
	return joined(x->q_field);
}

static bool ext_reportable(void *ctx, const char *file)
{
	struct kdb_ext *x = ctx;

	return x->reportable && x->reportable(x->rctx, file);
}

struct kdb_ext *kdb_ext_new(struct kdb *db, const char *file,
			    const char *module, FILE *deps,
			    bool (*reportable)(void *ctx, const char *file),
			    void *rctx)
{
	struct kdb_ext *x = xcalloc(1, sizeof(*x));

	x->db = db;
	x->file = xstrdup(file);
	x->module = xstrdup(module ? module : "");
	x->deps = deps;
	x->reportable = reportable;
	x->rctx = rctx;
	hmap_init(&x->asked);
	x->src.ctx = x;
	x->src.summary = ext_summary;
	x->src.fields = ext_fields;
	x->src.depends = ext_depends;
	x->src.reportable = ext_reportable;
	if (db) {
		x->q_sum = kdb_prep(db, "SELECT s.body, s.module FROM summaries s"
			" JOIN files f ON f.id=s.file WHERE s.name=?1 AND s.static=0"
			" AND f.path<>?2 ORDER BY (s.module=?3) DESC, f.path");
		x->q_field = kdb_prep(db, "SELECT f.path, x.body FROM fields x"
			" JOIN files f ON f.id=x.file WHERE x.key=?1 AND x.module=?2"
			" AND f.path<>?3 ORDER BY f.path, x.rowid");
		x->q_init = kdb_prep(db, "SELECT f.path, x.body FROM inits x"
			" JOIN files f ON f.id=x.file WHERE x.fn=?1 AND x.module=?2"
			" AND f.path<>?3 ORDER BY f.path, x.rowid");
	}
	return x;
}

const struct ext_source *kdb_ext_source(struct kdb_ext *x)
{
	return &x->src;
}

/* init <rec> <field> <fn> <var> <line> <col>, after "file <path>" */
int kdb_ext_inits(struct kdb_ext *x, const char *const *fns, int nfns,
		  struct kdb_init **out)
{
	struct kdb_init *v = NULL;
	int n = 0, i;

	for (i = 0; i < nfns; i++) {
		char *text, *line, *nl, *f[8], *file = NULL;
		int k;

		dep(x, 'i', fns[i]);
		if (!x->q_init)
			continue;
		sqlite3_reset(x->q_init);
		kdb_bind(x->q_init, 1, fns[i]);
		kdb_bind(x->q_init, 2, x->module);
		kdb_bind(x->q_init, 3, x->file);
		text = joined(x->q_init);
		for (line = text; line && *line; line = nl ? nl + 1 : NULL) {
			nl = strchr(line, '\n');
			if (nl)
				*nl = '\0';
			k = rec_split(line, f, 8);
			if (k == 2 && !strcmp(f[0], "file")) {
				free(file);
				file = xstrdup(f[1]);
			} else if (k == 7 && !strcmp(f[0], "init") && file) {
				v = xrealloc(v, (n + 1) * sizeof(*v));
				v[n].rec = xstrdup(f[1]);
				v[n].field = xstrdup(f[2]);
				v[n].fn = xstrdup(f[3]);
				v[n].var = xstrdup(f[4]);
				v[n].file = xstrdup(file);
				v[n].line = (unsigned)strtoul(f[5], NULL, 10);
				v[n].col = (unsigned)strtoul(f[6], NULL, 10);
				n++;
			}
		}
		free(file);
		free(text);
	}
	*out = v;
	return n;
}

void kdb_ext_add_inits(struct kdb_ext *x, struct ir_program *prog)
{
	int own = prog->nfn_inits, i, n;

	n = kdb_ext_inits(x, prog->main_fns, prog->nmain, &x->ki);
	x->nki = n;
	if (!n)
		return;
	x->inits = xcalloc((size_t)(own + n), sizeof(*x->inits));
	if (own)
		memcpy(x->inits, prog->fn_inits, (size_t)own * sizeof(*x->inits));
	for (i = 0; i < n; i++) {
		struct ir_fn_init *fi = &x->inits[own + i];

		fi->rec = x->ki[i].rec;
		fi->field = x->ki[i].field;
		fi->fn = x->ki[i].fn;
		fi->var = x->ki[i].var;
		fi->file = x->ki[i].file;
		fi->loc.line = x->ki[i].line;
		fi->loc.col = x->ki[i].col;
	}
	prog->fn_inits = x->inits;
	prog->nfn_inits = own + n;
}

struct kdb_ext *kdb_ext_for_file(const char *dbpath, const char *file,
				 char *const *args, int nargs,
				 struct ir_program *prog)
{
	static struct kdb *db;
	static bool tried;
	struct kdb_ext *x;
	char *real = realpath(file, NULL), *module;

	if (!tried) {
		tried = true;
		if (access(dbpath, R_OK))
			fprintf(stderr, "kmemlint: %s: no such database (kmemlint scan writes it); the other files are unknown\n",
				dbpath);
		else
			db = kdb_open(dbpath, true);
	}
	module = kdb_module_of(args, nargs);
	x = kdb_ext_new(db, real ? real : file, module, NULL, NULL, NULL);
	kdb_ext_add_inits(x, prog);
	free(module);
	free(real);
	return x;
}

void kdb_ext_free(struct kdb_ext *x)
{
	int i;

	if (!x)
		return;
	for (i = 0; i < x->nki; i++) {
		free(x->ki[i].rec);
		free(x->ki[i].field);
		free(x->ki[i].fn);
		free(x->ki[i].var);
		free(x->ki[i].file);
	}
	free(x->ki);
	free(x->inits);
	sqlite3_finalize(x->q_sum);
	sqlite3_finalize(x->q_field);
	sqlite3_finalize(x->q_init);
	hmap_free(&x->asked, NULL);
	free(x->file);
	free(x->module);
	free(x);
}

char *kdb_module_of(char *const *args, int nargs)
{
	const char *p = NULL;
	char *m, *q;
	int i;

	for (i = 0; i < nargs; i++)
		if (!strncmp(args[i], "-DKBUILD_MODNAME=", 17))
			p = args[i] + 17;
	if (!p)
		return xstrdup("");
	m = xstrdup(*p == '"' ? p + 1 : p);
	q = strchr(m, '"');
	if (q)
		*q = '\0';
	return m;
}
