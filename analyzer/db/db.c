// SPDX-License-Identifier: GPL-2.0
/*
 * The summary database: schema, and a file's rows written and read.
 *
 *   meta(k, v)                      schema version, tool stamp
 *   files(id, path, module, content, flags, status, stale, functions,
 *         budget_hit, findings)     one row per file of the tree
 *   summaries(file, name, static, module, body)
 *                                   "sum" + "fact" records of a function
 *   fields(file, key, module, body) one "field" record
 *   inits(file, fn, module, body)   one "init" record: fn stored in a
 *                                   struct field by a static initialiser
 *   deps(file, kind, name)          what the file asked of other files:
 *                                   s a function, f a kind of field
 *                                   record and its key ("field-value
 *                                   struct foo::mode"), i a function's
 *                                   initialisers
 *   defs(file, name)                a function the file defines, from the
 *                                   index pass of a first scan, until
 *                                   its summaries are written
 *   includes(file, path, hash)      files of the tree it includes
 *   pending(path, content, flags, gen, records)
 *                                   a file done in a round not yet
 *                                   written (db_pending.c)
 *
 * Records are the text lines of engine/summary_io.c and
 * report/finding_io.c.  The database is a cache: it is written without
 * fsync, and a database of another tool version or other rules is
 * emptied.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "db.h"
#include "db_impl.h"
#include "../report/finding_io.h"

/* 4: field deps name a kind; 3: pending; 2: findings carry confidence and fix */
#define SCHEMA_VERSION "4"

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);"
	"CREATE TABLE IF NOT EXISTS files(id INTEGER PRIMARY KEY,"
	" path TEXT UNIQUE NOT NULL, module TEXT, content TEXT, flags TEXT,"
	" status INT, stale INT, functions INT, budget_hit INT, findings TEXT);"
	"CREATE TABLE IF NOT EXISTS summaries(file INT, name TEXT, static INT,"
	" module TEXT, body TEXT);"
	"CREATE INDEX IF NOT EXISTS summaries_name ON summaries(name);"
	"CREATE INDEX IF NOT EXISTS summaries_file ON summaries(file);"
	"CREATE TABLE IF NOT EXISTS fields(file INT, key TEXT, module TEXT,"
	" body TEXT);"
	"CREATE INDEX IF NOT EXISTS fields_key ON fields(key, module);"
	"CREATE INDEX IF NOT EXISTS fields_file ON fields(file);"
	"CREATE TABLE IF NOT EXISTS inits(file INT, fn TEXT, module TEXT,"
	" body TEXT);"
	"CREATE INDEX IF NOT EXISTS inits_fn ON inits(fn, module);"
	"CREATE INDEX IF NOT EXISTS inits_file ON inits(file);"
	"CREATE TABLE IF NOT EXISTS deps(file INT, kind TEXT, name TEXT);"
	"CREATE INDEX IF NOT EXISTS deps_name ON deps(kind, name);"
	"CREATE INDEX IF NOT EXISTS deps_file ON deps(file);"
	"CREATE TABLE IF NOT EXISTS defs(file INT, name TEXT);"
	"CREATE INDEX IF NOT EXISTS defs_name ON defs(name);"
	"CREATE INDEX IF NOT EXISTS defs_file ON defs(file);"
	"CREATE TABLE IF NOT EXISTS includes(file INT, path TEXT, hash TEXT);"
	"CREATE INDEX IF NOT EXISTS includes_file ON includes(file);"
	"CREATE TABLE IF NOT EXISTS pending(path TEXT PRIMARY KEY, content TEXT,"
	" flags TEXT, gen INT, records TEXT);";

static int fail(struct kdb *db, const char *what)
{
	fprintf(stderr, "kmemlint: %s: %s: %s\n", db->path, what,
		sqlite3_errmsg(db->h));
	return -1;
}

int kdb_exec(struct kdb *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "kmemlint: %s: %s\n", db->path,
			err ? err : "error");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

sqlite3_stmt *kdb_prep(struct kdb *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(db, "prepare");
		return NULL;
	}
	return st;
}

void kdb_bind(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

char *kdb_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return xstrdup(t ? (const char *)t : "");
}

struct kdb *kdb_open(const char *path, bool readonly)
{
	struct kdb *db = xcalloc(1, sizeof(*db));
	int flags = readonly ? SQLITE_OPEN_READONLY :
			       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

	db->path = xstrdup(path);
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		fprintf(stderr, "kmemlint: %s: cannot open the database: %s\n",
			path, db->h ? sqlite3_errmsg(db->h) : "out of memory");
		kdb_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db->h, 10000);
	if (!readonly && (kdb_exec(db, "PRAGMA synchronous=OFF;") ||
			  kdb_exec(db, schema))) {
		kdb_close(db);
		return NULL;
	}
	return db;
}

void kdb_close(struct kdb *db)
{
	if (!db)
		return;
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

int kdb_begin(struct kdb *db)
{
	return kdb_exec(db, "BEGIN;");
}

int kdb_commit(struct kdb *db)
{
	return kdb_exec(db, "COMMIT;");
}

static char *meta_get(struct kdb *db, const char *k)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT v FROM meta WHERE k=?1");
	char *v = NULL;

	if (!st)
		return NULL;
	kdb_bind(st, 1, k);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = kdb_col(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int meta_set(struct kdb *db, const char *k, const char *v)
{
	sqlite3_stmt *st = kdb_prep(db, "INSERT OR REPLACE INTO meta VALUES(?1, ?2)");
	int ret;

	if (!st)
		return -1;
	kdb_bind(st, 1, k);
	kdb_bind(st, 2, v);
	ret = sqlite3_step(st) == SQLITE_DONE ? 0 : fail(db, "meta");
	sqlite3_finalize(st);
	return ret;
}

int kdb_check_tool(struct kdb *db, const char *stamp)
{
	char *schema_v = meta_get(db, "schema"), *tool = meta_get(db, "tool");
	int ret = 0;

	if (!schema_v || strcmp(schema_v, SCHEMA_VERSION) || !tool ||
	    strcmp(tool, stamp)) {
		ret = kdb_exec(db, "BEGIN; DELETE FROM files; DELETE FROM summaries;"
			       " DELETE FROM fields; DELETE FROM inits;"
			       " DELETE FROM deps; DELETE FROM includes;"
			       " DELETE FROM pending; COMMIT;");
		if (!ret)
			ret = meta_set(db, "schema", SCHEMA_VERSION);
		if (!ret)
			ret = meta_set(db, "tool", stamp);
	}
	free(schema_v);
	free(tool);
	return ret;
}

/* ---------------------------------------------------------- reading */

int kdb_file_get(struct kdb *db, const char *path, struct kdb_file *out)
{
	sqlite3_stmt *st;
	long long id = -1;

	memset(out, 0, sizeof(*out));
	strvec_init(&out->incl);
	strvec_init(&out->incl_hash);
	st = kdb_prep(db, "SELECT id, content, flags, status, stale, functions,"
		      " budget_hit, findings FROM files WHERE path=?1");
	if (!st)
		return -1;
	kdb_bind(st, 1, path);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->found = true;
		id = sqlite3_column_int64(st, 0);
		out->content = kdb_col(st, 1);
		out->flags = kdb_col(st, 2);
		out->status = sqlite3_column_int(st, 3);
		out->stale = sqlite3_column_int(st, 4) != 0;
		out->functions = sqlite3_column_int(st, 5);
		out->budget_hit = sqlite3_column_int(st, 6);
		out->findings = kdb_col(st, 7);
	}
	sqlite3_finalize(st);
	if (id < 0)
		return 0;
	st = kdb_prep(db, "SELECT path, hash FROM includes WHERE file=?1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *p = kdb_col(st, 0), *h = kdb_col(st, 1);

		strvec_push(&out->incl, p);
		strvec_push(&out->incl_hash, h);
		free(p);
		free(h);
	}
	sqlite3_finalize(st);
	return 0;
}

void kdb_file_clear(struct kdb_file *f)
{
	free(f->content);
	free(f->flags);
	free(f->findings);
	strvec_clear(&f->incl);
	strvec_clear(&f->incl_hash);
	memset(f, 0, sizeof(*f));
}

int kdb_file_keys(struct kdb *db, struct strvec *keys)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT path, content, flags FROM files"
				    " WHERE status=0");
	int k;

	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		for (k = 0; k < 3; k++) {
			char *v = kdb_col(st, k);

			strvec_push(keys, v);
			free(v);
		}
	sqlite3_finalize(st);
	return 0;
}

static long long pragma(struct kdb *db, const char *sql)
{
	sqlite3_stmt *st = kdb_prep(db, sql);
	long long v = -1;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * Rounds replace every row of a file they analyse again, so a scan leaves
 * pages free (on drivers/net, more than half of a 717 MB database).  The
 * file is rewritten without them when they are a quarter of it or more.
 */
int kdb_compact(struct kdb *db)
{
	long long pages = pragma(db, "PRAGMA page_count;");
	long long free_pages = pragma(db, "PRAGMA freelist_count;");

	if (pages <= 0 || free_pages < 0 || free_pages * 4 < pages)
		return 0;
	return kdb_exec(db, "VACUUM;");
}

long long kdb_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long long)st.st_size;
}
