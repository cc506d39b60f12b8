// SPDX-License-Identifier: GPL-2.0
/*
 * A unit's summaries and field facts as records, for kmemlint scan's
 * database, and other files' records read back (struct ext_source).
 * One record a line, fields separated by tabs and escaped as in
 * report/finding_io.h; an empty field is "none":
 *
 *   sum   <key> <name> <static 0|1> <fail_conds> <returns: 0 int, 1 pointer, 2 bool>
 *   fact  <kind> <cond> <subject> <value> <str> <field key> <file> <line> <col>
 *         (the facts of the last "sum", sorted, each once)
 *   field <field key> <kind> <function> <value> <str> <line> <col>
 *
 * Other files' field records come back each after a "file <path>" line.
 *
 * Kinds are written by name, so the numbers the rules give families
 * (inside values) are the same only for the same rules: the database is
 * keyed by the tool and its rules too (db/db.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "core_sums.h"
#include "engine_impl.h"
#include "../report/finding_io.h"
#include "../util/strvec.h"

static const char *const cond_names[] = { "any", "zero", "nonzero", "unknown" };

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void put(FILE *f, const char *s)
{
	fputc('\t', f);
	rec_put_str(f, s);
}

/* Prints the lines of text (each ending in '\n') in strcmp order, so
 * that a summary whose facts were found in another order (a callee's
 * summary changed the order of the paths) reads as unchanged: the scan
 * re-analyses the readers of a summary only when its text changes. */
static void put_sorted(FILE *f, char *text, size_t len)
{
	struct strvec lines;
	char *line, *nl;
	size_t i;

	if (!text || !len)
		return;
	strvec_init(&lines);
	for (line = text; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		strvec_push(&lines, line);
	}
	qsort(lines.v, lines.n, sizeof(char *), cmp_line);
	for (i = 0; i < lines.n; i++) {
		/* a fact found twice on different paths is one fact */
		if (i && !strcmp(lines.v[i], lines.v[i - 1]))
			continue;
		fputs(lines.v[i], f);
		fputc('\n', f);
	}
	strvec_clear(&lines);
}

static void export_summary(FILE *f, const struct fn_entry *e)
{
	const struct summary *s = &e->sum;
	char *text = NULL;
	size_t len = 0;
	FILE *m;
	int i;

	fputs("sum", f);
	put(f, s->key);
	put(f, s->name);
	fprintf(f, "\t%d\t%u\t%d\n", strcmp(s->key, s->name) != 0,
		e->fail_conds, fn_rkind(e->fn));
	m = open_memstream(&text, &len);
	if (!m)
		return;
	for (i = 0; i < s->facts.n; i++) {
		const struct fact *x = &s->facts.v[i];

		fputs("fact", m);
		put(m, engine_fact_kind_name(x->kind));
		put(m, cond_names[x->cond <= RC_NONZERO ? x->cond : 0]);
		put(m, x->subject);
		fprintf(m, "\t%lld", (long long)x->value);
		put(m, x->str);
		put(m, x->key);
		put(m, x->file);
		fprintf(m, "\t%u\t%u\n", x->loc.line, x->loc.col);
	}
	fclose(m);
	put_sorted(f, text, len);
	free(text);
}

static void export_field(const char *key, const struct field_rec *v, int n,
			 void *arg)
{
	FILE *f = arg, *m;
	char *text = NULL;
	size_t len = 0;
	int i;

	/* a global may be static: another file's @g is another variable */
	if (key[0] == '@')
		return;
	m = open_memstream(&text, &len);
	if (!m)
		return;
	for (i = 0; i < n; i++) {
		/* where a value was stored is nothing to the readers of
		 * field-value records (field_values.c), nor of a field-store
		 * of something not tracked (sym_field_facts() then assumes
		 * nothing): without it, a deeper call chain that stores the
		 * same "not known" again changes nothing, and the scan's
		 * rounds settle sooner */
		bool bare = v[i].kind == core.field_value ||
			    (v[i].kind == core.field_store && v[i].value < 0);

		if (v[i].file)
			continue;	/* read from another file */
		/* field-nonnull records are about the file's own types:
		 * another file's never count (field_never_null()) */
		if (v[i].kind == core.field_nonnull)
			continue;
		fputs("field", m);
		put(m, key);
		put(m, engine_fact_kind_name(v[i].kind));
		put(m, bare ? "" : v[i].fn);
		fprintf(m, "\t%lld", (long long)v[i].value);
		put(m, v[i].str);
		fprintf(m, "\t%u\t%u\n", bare ? 0 : v[i].loc.line,
			bare ? 0 : v[i].loc.col);
	}
	fclose(m);
	put_sorted(f, text, len);
	free(text);
}

void unit_export(struct unit *u, FILE *f)
{
	int i;

	for (i = 0; i < u->prog->nmain; i++) {
		struct fn_entry *e = hmap_get(&u->fns, u->prog->main_fns[i]);

		if (e && e->done && !e->skipped)
			export_summary(f, e);
	}
	field_db_each(u->fields, export_field, f);
}

/* ---- reading another file's records ---- */

static enum ret_cond cond_of(const char *s)
{
	int c;

	for (c = 0; c < 3; c++)
		if (!strcmp(cond_names[c], s))
			return (enum ret_cond)c;
	return RC_UNKNOWN;
}

static const char *opt(const char *s)
{
	return *s ? s : NULL;
}

/* Splits text into lines and each line into fields; calls fn per line. */
static void each_line(char *text, void (*fn)(char **v, int n, void *arg),
		      void *arg)
{
	char *line = text, *nl, *v[16];
	int n;

	while (line && *line) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		n = rec_split(line, v, 16);
		if (n > 0)
			fn(v, n, arg);
		line = nl ? nl + 1 : NULL;
	}
}

static void read_summary_line(char **v, int n, void *arg)
{
	struct ext_fn *x = arg;
	struct ir_loc loc;
	enum ret_cond cond;
	int kind;

	if (n == 6 && !strcmp(v[0], "sum")) {
		x->sum.key = xstrdup(v[1]);
		x->sum.name = xstrdup(v[2]);
		x->fail_conds = (unsigned)strtoul(v[4], NULL, 10);
		x->returns_ptr = atoi(v[5]) == RK_PTR;
		x->returns_bool = atoi(v[5]) == RK_BOOL;
		x->none = false;
		return;
	}
	if (n == 1 && !strcmp(v[0], "same-module")) {
		x->sum.stores_recorded = true;	/* db/ext.c */
		return;
	}
	if (n != 10 || strcmp(v[0], "fact") || !x->sum.key)
		return;
	kind = fact_kind_find(v[1]);
	cond = cond_of(v[2]);
	if (kind < 0 || cond == RC_UNKNOWN)
		return;		/* a kind of a checker this build lacks */
	loc.line = (unsigned)strtoul(v[8], NULL, 10);
	loc.col = (unsigned)strtoul(v[9], NULL, 10);
	fact_list_add(&x->sum.facts, kind, cond, v[3], strtoll(v[4], NULL, 10),
		      opt(v[5]), opt(v[6]), v[7], loc);
	if (!x->sum.file)
		x->sum.file = xstrdup(v[7]);
	if (cond != RC_ANY)
		x->sum.split = true;
}

uint64_t ext_fn_hash(struct ext_fn *x)
{
	if (!x)
		return 0;
	if (!x->sum.rhash)
		x->sum.rhash = reuse_hash_summary(&x->sum);
	return x->sum.rhash ^
	       ((uint64_t)x->fail_conds << 3 | (uint64_t)x->returns_ptr << 1 |
		(uint64_t)x->returns_bool);
}

static struct ext_fn *ext_fn_get(struct unit *u, const char *name);

struct ext_fn *unit_ext_fn(struct unit *u, const char *name)
{
	struct ext_fn *x = ext_fn_get(u, name);

	if (reuse_on(u))
		reuse_note(u, 'X', name, 0, ext_fn_hash(x));
	return x;
}

static struct ext_fn *ext_fn_get(struct unit *u, const char *name)
{
	struct ext_fn *x;
	char *text;

	x = hmap_get(&u->ext_fns, name);
	if (x)
		return x->none ? NULL : x;
	x = xcalloc(1, sizeof(*x));
	x->none = true;
	hmap_put(&u->ext_fns, name, x);
	/* another file of the scan, else the core kernel (core_sums.h) */
	text = u->ext && u->ext->summary ?
	       u->ext->summary(u->ext->ctx, name) : NULL;
	if (!text) {
		text = core_sums_text(name);
		x->sum.core = text != NULL;
	}
	if (text)
		each_line(text, read_summary_line, x);
	free(text);
	if (!x->none && !x->sum.file)
		x->sum.file = xstrdup("");
	return x->none ? NULL : x;
}

void ext_fn_free(void *p)
{
	struct ext_fn *x = p;

	summary_free(&x->sum);
	free(x);
}

struct field_import {
	struct unit *u;
	const char *key;
	const char *file;
};

static void read_field_line(char **v, int n, void *arg)
{
	struct field_import *fi = arg;
	struct field_rec r;

	/* "file" lines name the file of the records that follow */
	if (n == 2 && !strcmp(v[0], "file")) {
		fi->file = v[1];	/* lives as long as the text; copied */
		return;
	}
	if (n != 8 || strcmp(v[0], "field") || strcmp(v[1], fi->key) ||
	    !fi->file)
		return;
	r.kind = fact_kind_find(v[2]);
	if (r.kind < 0)
		return;
	r.fn = v[3];
	r.value = strtoll(v[4], NULL, 10);
	r.str = opt(v[5]);
	r.loc.line = (unsigned)strtoul(v[6], NULL, 10);
	r.loc.col = (unsigned)strtoul(v[7], NULL, 10);
	r.file = fi->file;
	field_db_add_ext(fi->u->fields, fi->key, &r);
}

void field_db_import(struct unit *u, const char *key, uint64_t kinds)
{
	struct field_import fi = { u, key, NULL };
	char *text;
	int k;

	if (!u->ext->fields || key[0] == '@')
		return;
	for (k = 0; k < 64 && u->ext->depends; k++)
		if (kinds & FACT_BIT(k))
			u->ext->depends(u->ext->ctx,
					engine_fact_kind_name(k), key);
	if (!field_db_first_import(u->fields, key))
		return;
	text = u->ext->fields(u->ext->ctx, key);
	if (text)
		each_line(text, read_field_line, &fi);
	free(text);
}

/* ---- text form: one fact a line, tab-separated ---- */

void summary_free(struct summary *s)
{
	fact_list_clear(&s->facts);
	free(s->key);
	free(s->name);
	free(s->file);
	memset(s, 0, sizeof(*s));
}

/*
 * fact <fn> <kind> <cond> <subject> <value> <str|-> <field key|-> <file>:<line>:<col>
 * The form the batch scan's database stores; summary_parse_line reads it.
 */
void summary_write(FILE *f, const struct summary *s)
{
	int i;

	for (i = 0; i < s->facts.n; i++) {
		const struct fact *x = &s->facts.v[i];

		fprintf(f, "fact\t%s\t%s\t%s\t%s\t%lld\t%s\t%s\t%s:%u:%u\n",
			s->key, engine_fact_kind_name(x->kind),
			cond_names[x->cond], x->subject, (long long)x->value,
			x->str ? x->str : "-", x->key ? x->key : "-", x->file,
			x->loc.line, x->loc.col);
	}
}

int summary_parse_line(const char *line, struct summary *s)
{
	char *copy = xstrdup(line), *f[9], *save = NULL, *tok, *c1, *c2;
	int n = 0, kind, cond, ret = -1;
	struct ir_loc loc;

	for (tok = strtok_r(copy, "\t\n", &save); tok && n < 9;
	     tok = strtok_r(NULL, "\t\n", &save))
		f[n++] = tok;
	if (n != 9 || strcmp(f[0], "fact"))
		goto out;
	kind = fact_kind_find(f[2]);
	for (cond = 0; cond < 3; cond++)
		if (!strcmp(cond_names[cond], f[3]))
			break;
	c2 = strrchr(f[8], ':');
	if (kind < 0 || cond == 3 || !c2)
		goto out;
	*c2 = '\0';
	c1 = strrchr(f[8], ':');
	if (!c1)
		goto out;
	*c1 = '\0';
	loc.line = (unsigned)strtoul(c1 + 1, NULL, 10);
	loc.col = (unsigned)strtoul(c2 + 1, NULL, 10);
	if (!s->key)
		s->key = xstrdup(f[1]);
	else if (strcmp(s->key, f[1]))
		goto out;
	fact_list_add(&s->facts, kind, cond, f[4], strtoll(f[5], NULL, 10),
		      strcmp(f[6], "-") ? f[6] : NULL,
		      strcmp(f[7], "-") ? f[7] : NULL, f[8], loc);
	if (cond != RC_ANY)
		s->split = true;
	ret = 0;
out:
	free(copy);
	return ret;
}
