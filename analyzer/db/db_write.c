// SPDX-License-Identifier: GPL-2.0
/*
 * A file's rows replaced by what its worker found, and the names whose
 * records changed, so that the files that read them are analysed again
 * (stale).  Only what other files can see counts as a change: the
 * summaries of non-static functions, field records, initialisers.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_impl.h"
#include "../report/finding_io.h"
#include "../util/hmap.h"

struct text {
	char *s;
	size_t n;
};

static void text_add(struct hmap *m, const char *key, const char *line)
{
	struct text *t = hmap_get(m, key);
	size_t len = strlen(line);

	if (!t) {
		t = xcalloc(1, sizeof(*t));
		hmap_put(m, key, t);
	}
	t->s = xrealloc(t->s, t->n + len + 2);
	memcpy(t->s + t->n, line, len);
	t->n += len;
	t->s[t->n++] = '\n';
	t->s[t->n] = '\0';
}

static void text_free(void *p)
{
	struct text *t = p;

	free(t->s);
	free(t);
}

long long kdb_file_id(struct kdb *db, const char *path)
{
	sqlite3_stmt *st = kdb_prep(db, "INSERT OR IGNORE INTO files(path) VALUES(?1)");
	long long id = -1;

	if (!st)
		return -1;
	kdb_bind(st, 1, path);
	sqlite3_step(st);
	sqlite3_finalize(st);
	st = kdb_prep(db, "SELECT id FROM files WHERE path=?1");
	if (!st)
		return -1;
	kdb_bind(st, 1, path);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* The name a field record is read by: "f <kind> <key>" (db/ext.c). */
static char *field_name(const char *line)
{
	char *copy = xstrdup(line), *v[16], *name = NULL;

	if (rec_split(copy, v, 16) >= 3)
		name = xstrfmt("f %s %s", v[2], v[1]);
	free(copy);
	return name;
}

/* What file id exports today, as "s name" / "f kind key" / "i fn" ->
 * text. */
static void old_exports(struct kdb *db, long long id, struct hmap *m)
{
	static const char *const q[] = {
		"SELECT 's ' || name, body FROM summaries WHERE file=?1 AND static=0 ORDER BY rowid",
		"SELECT 'f', body FROM fields WHERE file=?1 ORDER BY rowid",
		"SELECT 'i ' || fn, body FROM inits WHERE file=?1 ORDER BY rowid",
	};
	size_t k;

	for (k = 0; k < 3; k++) {
		sqlite3_stmt *st = kdb_prep(db, q[k]);

		if (!st)
			continue;
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *n = kdb_col(st, 0), *b = kdb_col(st, 1);
			size_t len = strlen(b);

			if (len && b[len - 1] == '\n')
				b[len - 1] = '\0';
			if (!strcmp(n, "f")) {
				free(n);
				n = field_name(b);
			}
			if (n)
				text_add(m, n, b);
			free(n);
			free(b);
		}
		sqlite3_finalize(st);
	}
}

static int delete_rows(struct kdb *db, long long id)
{
	static const char *const q[] = {
		"DELETE FROM summaries WHERE file=?1",
		"DELETE FROM fields WHERE file=?1",
		"DELETE FROM inits WHERE file=?1",
		"DELETE FROM deps WHERE file=?1",
		"DELETE FROM defs WHERE file=?1",
		"DELETE FROM includes WHERE file=?1",
	};
	size_t k;

	for (k = 0; k < sizeof(q) / sizeof(q[0]); k++) {
		sqlite3_stmt *st = kdb_prep(db, q[k]);

		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
	return 0;
}

/* "k name" changed by path of module to text (NULL: gone):
 * "k name\x1fpath\x1fmodule\x1fhash of the text" (the scan's rounds
 * tell a value seen before by the hash, scan_rounds.c) */
static void push_changed(struct strvec *changed, const char *key,
			 const char *path, const char *module,
			 const struct text *now)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *s;

	for (s = now ? now->s : ""; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	strvec_pushf(changed, "%s\x1f%s\x1f%s\x1f%c%016llx", key, path,
		     module, now ? 'h' : '-', (unsigned long long)h);
}

/* Does line (without its '\n') occur in the n bytes of text? */
static bool has_line(const char *text, const char *line, size_t len)
{
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, line, len) && (p[len] == '\n' || !p[len]))
			return true;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return false;
}

/* The lines of a that b lacks and no other file of the module has. */
static bool field_lines_new(sqlite3_stmt *others,
			    const char *a, const char *b)
{
	const char *p, *nl;
	bool found = false;

	for (p = a; p && *p && !found; p = nl ? nl + 1 : NULL) {
		size_t len;

		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (!len || (b && has_line(b, p, len)))
			continue;
		found = true;
		sqlite3_reset(others);
		while (found && sqlite3_step(others) == SQLITE_ROW) {
			const char *o = (const char *)sqlite3_column_text(others, 0);

			if (o && has_line(o, p, len))
				found = false;
		}
	}
	return found;
}

/*
 * Has what the module's readers see of field key changed?  They read the
 * records of every file of the module together, so a record this file
 * adds or drops that another file has too (a callee's store seen again
 * at a deeper call site) changes nothing for them.
 */
static bool field_changed(struct kdb *db, long long id, const char *module,
			  const char *key, const struct text *ta,
			  const struct text *tb)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT body FROM fields WHERE key=?1"
				    " AND module=?2 AND file<>?3");
	const char *sp = strchr(key + 2, ' ');	/* "f kind key" */
	bool changed;

	if (!st)
		return true;
	kdb_bind(st, 1, sp ? sp + 1 : key + 2);
	kdb_bind(st, 2, module);
	sqlite3_bind_int64(st, 3, id);
	changed = field_lines_new(st, ta ? ta->s : "", tb ? tb->s : NULL) ||
		  field_lines_new(st, tb ? tb->s : "", ta ? ta->s : NULL);
	sqlite3_finalize(st);
	return changed;
}

static void diff(struct kdb *db, long long id, const struct hmap *a,
		 const struct hmap *b, struct strvec *changed,
		 const char *path, const char *module)
{
	size_t i;

	for (i = 0; i < a->cap; i++) {
		const char *key = a->slots[i].key;
		struct text *ta, *tb;

		if (!key)
			continue;
		ta = a->slots[i].val;
		tb = hmap_get(b, key);
		if (key[0] == 'f' && module && *module) {
			if (field_changed(db, id, module, key, ta, tb))
				push_changed(changed, key, path, module, tb);
		} else if (!tb || strcmp(ta->s, tb->s)) {
			push_changed(changed, key, path, module, tb);
		}
	}
	for (i = 0; i < b->cap; i++) {
		const char *key = b->slots[i].key;

		if (!key || hmap_get(a, key))
			continue;
		if (key[0] != 'f' || !module || !*module ||
		    field_changed(db, id, module, key, NULL, b->slots[i].val))
			push_changed(changed, key, path, module,
				     b->slots[i].val);
	}
}

struct writer {
	struct kdb *db;
	long long id;
	const char *module;
	sqlite3_stmt *sum, *field, *init, *dep, *incl;
	struct hmap now;
	char *sum_name;
	int sum_static;
	struct text body;
	struct text findings;
	int functions, budget_hit;
};

static void append(struct text *t, const char *line)
{
	size_t len = strlen(line);

	t->s = xrealloc(t->s, t->n + len + 2);
	memcpy(t->s + t->n, line, len);
	t->n += len;
	t->s[t->n++] = '\n';
	t->s[t->n] = '\0';
}

static void flush_sum(struct writer *w)
{
	if (!w->sum_name)
		return;
	sqlite3_reset(w->sum);
	sqlite3_bind_int64(w->sum, 1, w->id);
	kdb_bind(w->sum, 2, w->sum_name);
	sqlite3_bind_int(w->sum, 3, w->sum_static);
	kdb_bind(w->sum, 4, w->module);
	kdb_bind(w->sum, 5, w->body.s);
	sqlite3_step(w->sum);
	if (!w->sum_static) {
		char *k = xstrfmt("s %s", w->sum_name);

		w->body.s[--w->body.n] = '\0';	/* as old_exports reads it */
		text_add(&w->now, k, w->body.s);
		free(k);
	}
	free(w->sum_name);
	w->sum_name = NULL;
	free(w->body.s);
	memset(&w->body, 0, sizeof(w->body));
}

static void insert3(sqlite3_stmt *st, long long id, const char *a,
		    const char *b, const char *c)
{
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, id);
	kdb_bind(st, 2, a);
	kdb_bind(st, 3, b);
	if (c)
		kdb_bind(st, 4, c);
	sqlite3_step(st);
}

static void take_line(struct writer *w, const char *line)
{
	char *copy = xstrdup(line), *v[16], *k;
	int n = rec_split(copy, v, 16);

	if (n <= 0)
		goto out;
	if (strcmp(v[0], "fact"))
		flush_sum(w);
	if (!strcmp(v[0], "sum") && n >= 4) {
		w->sum_name = xstrdup(v[2]);
		w->sum_static = atoi(v[3]);
		append(&w->body, line);
	} else if (!strcmp(v[0], "fact")) {
		if (w->sum_name)
			append(&w->body, line);
	} else if (!strcmp(v[0], "field") && n >= 2) {
		insert3(w->field, w->id, v[1], w->module, line);
		k = field_name(line);
		if (k)
			text_add(&w->now, k, line);
		free(k);
	} else if (!strcmp(v[0], "init") && n >= 4) {
		insert3(w->init, w->id, v[3], w->module, line);
		k = xstrfmt("i %s", v[3]);
		text_add(&w->now, k, line);
		free(k);
	} else if (!strcmp(v[0], "dep") && n == 3) {
		insert3(w->dep, w->id, v[1], v[2], NULL);
	} else if (!strcmp(v[0], "incl") && n == 3) {
		insert3(w->incl, w->id, v[1], v[2], NULL);
	} else if (!strcmp(v[0], "finding") || !strcmp(v[0], "note")) {
		append(&w->findings, line);
	} else if (!strcmp(v[0], "stat") && n == 3) {
		w->functions = atoi(v[1]);
		w->budget_hit = atoi(v[2]);
	}
out:
	free(copy);
}

static int update_file(struct kdb *db, long long id, const char *module,
		       const char *content, const char *flags, int status,
		       int functions, int budget_hit, const char *findings)
{
	sqlite3_stmt *st = kdb_prep(db, "UPDATE files SET module=?2, content=?3,"
		" flags=?4, status=?5, stale=0, functions=?6, budget_hit=?7,"
		" findings=?8 WHERE id=?1");
	int ret;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	kdb_bind(st, 2, module);
	kdb_bind(st, 3, content);
	kdb_bind(st, 4, flags);
	sqlite3_bind_int(st, 5, status);
	sqlite3_bind_int(st, 6, functions);
	sqlite3_bind_int(st, 7, budget_hit);
	kdb_bind(st, 8, findings);
	ret = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return ret;
}

int kdb_file_put(struct kdb *db, const char *path, const char *module,
		 const char *content, const char *flags, int status,
		 const char *records, struct strvec *changed)
{
	struct writer w;
	struct hmap old;
	char *copy, *line, *nl;
	int ret;

	memset(&w, 0, sizeof(w));
	w.db = db;
	w.module = module;
	w.id = kdb_file_id(db, path);
	if (w.id < 0)
		return -1;
	hmap_init(&old);
	hmap_init(&w.now);
	old_exports(db, w.id, &old);
	delete_rows(db, w.id);
	w.sum = kdb_prep(db, "INSERT INTO summaries VALUES(?1, ?2, ?3, ?4, ?5)");
	w.field = kdb_prep(db, "INSERT INTO fields VALUES(?1, ?2, ?3, ?4)");
	w.init = kdb_prep(db, "INSERT INTO inits VALUES(?1, ?2, ?3, ?4)");
	w.dep = kdb_prep(db, "INSERT INTO deps VALUES(?1, ?2, ?3)");
	w.incl = kdb_prep(db, "INSERT INTO includes VALUES(?1, ?2, ?3)");
	copy = xstrdup(records ? records : "");
	for (line = copy; w.sum && w.field && w.init && w.dep && w.incl &&
	     line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		take_line(&w, line);
	}
	flush_sum(&w);
	free(copy);
	sqlite3_finalize(w.sum);
	sqlite3_finalize(w.field);
	sqlite3_finalize(w.init);
	sqlite3_finalize(w.dep);
	sqlite3_finalize(w.incl);
	ret = update_file(db, w.id, module, content, flags, status,
			  w.functions, w.budget_hit, w.findings.s);
	if (changed)
		diff(db, w.id, &old, &w.now, changed, path, module);
	free(w.findings.s);
	hmap_free(&old, text_free);
	hmap_free(&w.now, text_free);
	return ret;
}

int kdb_file_failed(struct kdb *db, const char *path, const char *module,
		    const char *content, const char *flags, int status,
		    struct strvec *changed)
{
	return kdb_file_put(db, path, module, content, flags, status, "",
			    changed);
}

int kdb_mark_stale(struct kdb *db, const struct strvec *changed)
{
	/* field records and initialisers are read within a module only;
	 * an unknown module ("": a failed or deleted file) reaches all */
	sqlite3_stmt *st = kdb_prep(db, "UPDATE files SET stale=1 WHERE id IN"
		" (SELECT file FROM deps WHERE kind=?1 AND name=?2) AND path<>?3"
		" AND (?1='s' OR ?4='' OR module=?4)");
	size_t i;

	if (!st)
		return -1;
	for (i = 0; i < changed->n; i++) {
		char kind[2] = { changed->v[i][0], 0 };
		char *name = xstrdup(changed->v[i] + 2);
		char *by = strchr(name, '\x1f'), *mod = NULL;

		if (by) {
			*by++ = '\0';
			mod = strchr(by, '\x1f');
			if (mod)
				*mod++ = '\0';
			if (mod && strchr(mod, '\x1f'))
				*strchr(mod, '\x1f') = '\0';	/* the hash */
		}
		sqlite3_reset(st);
		kdb_bind(st, 1, kind);
		kdb_bind(st, 2, name);
		kdb_bind(st, 3, by ? by : "");
		kdb_bind(st, 4, mod ? mod : "");
		sqlite3_step(st);
		free(name);
	}
	sqlite3_finalize(st);
	return 0;
}

/* The summaries written, then the definitions of the index pass (files
 * not analysed yet): each list sorted, so the order is the same for any
 * -j. */
int kdb_file_edges(struct kdb *db, struct strvec *reader,
		   struct strvec *writer, int **weight)
{
	static const char *const q[] = {
		"SELECT a.path, b.path, count(*) FROM deps d"
		" JOIN files a ON a.id=d.file"
		" JOIN summaries s ON s.name=d.name AND s.static=0"
		" JOIN files b ON b.id=s.file"
		" WHERE d.kind='s' AND b.id<>a.id GROUP BY 1, 2 ORDER BY 1, 2",
		"SELECT a.path, b.path, count(*) FROM deps d"
		" JOIN files a ON a.id=d.file"
		" JOIN defs s ON s.name=d.name JOIN files b ON b.id=s.file"
		" WHERE d.kind='s' AND b.id<>a.id GROUP BY 1, 2 ORDER BY 1, 2",
	};
	size_t k, cap = 0;

	*weight = NULL;
	for (k = 0; k < 2; k++) {
		sqlite3_stmt *st = kdb_prep(db, q[k]);

		if (!st)
			return -1;
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *a = kdb_col(st, 0), *b = kdb_col(st, 1);

			if (reader->n == cap) {
				cap = cap ? 2 * cap : 256;
				*weight = xrealloc(*weight, cap * sizeof(int));
			}
			(*weight)[reader->n] = sqlite3_column_int(st, 2);
			strvec_push(reader, a);
			strvec_push(writer, b);
			free(a);
			free(b);
		}
		sqlite3_finalize(st);
	}
	return 0;
}

int kdb_stale_files(struct kdb *db, struct strvec *paths)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT path FROM files WHERE stale<>0"
				    " AND status=0 ORDER BY path");

	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *p = kdb_col(st, 0);

		strvec_push(paths, p);
		free(p);
	}
	sqlite3_finalize(st);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int kdb_drop_others(struct kdb *db, const struct strvec *paths,
		    struct strvec *changed)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT path FROM files");
	struct strvec gone;
	size_t i;

	if (!st)
		return -1;
	strvec_init(&gone);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *p = kdb_col(st, 0);

		if (!bsearch(&p, paths->v, paths->n, sizeof(char *), cmp_str))
			strvec_push(&gone, p);
		free(p);
	}
	sqlite3_finalize(st);
	for (i = 0; i < gone.n; i++) {
		kdb_file_put(db, gone.v[i], "", "", "", 0, "", changed);
		st = kdb_prep(db, "DELETE FROM files WHERE path=?1");
		if (st) {
			kdb_bind(st, 1, gone.v[i]);
			sqlite3_step(st);
			sqlite3_finalize(st);
		}
	}
	strvec_clear(&gone);
	return 0;
}
