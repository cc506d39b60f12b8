// SPDX-License-Identifier: GPL-2.0
/*
 * The databases of kmemlint scan --shard runs joined into one.
 *
 * Each shard analysed its own files with the facts of its own files only:
 * a file that asked for a name another shard defines (a summary, a field
 * record or an initialiser of its module) got no answer.  The join copies
 * every shard's rows and marks stale exactly those files; a scan with the
 * joined database then analyses them again, in rounds, as it does after
 * an edit, and ends where a scan on one machine ends.  See docs/scan.md.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_impl.h"

static int count(struct kdb *db, const char *sql)
{
	sqlite3_stmt *st = kdb_prep(db, sql);
	int n = -1;

	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The first path shard s has that the join has already, or NULL. */
static char *overlap(struct kdb *db)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT path FROM s.files WHERE path IN"
				    " (SELECT path FROM main.files) LIMIT 1");
	char *p = NULL;

	if (!st)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		p = kdb_col(st, 0);
	sqlite3_finalize(st);
	return p;
}

static int check_shard(struct kdb *db, const char *shard, int first)
{
	char *p;
	int n;

	n = count(db, "SELECT count(*) FROM s.sqlite_master WHERE type='table'"
		  " AND name IN ('meta','files','summaries','fields','inits','deps','includes')");
	if (n != 7) {
		fprintf(stderr, "kmemlint: %s: not a kmemlint scan database\n", shard);
		return -1;
	}
	if (count(db, "SELECT count(*) FROM s.meta WHERE k IN ('schema','tool')") != 2) {
		fprintf(stderr, "kmemlint: %s: no scan has written this database\n", shard);
		return -1;
	}
	if (first)
		return kdb_exec(db, "DELETE FROM main.meta;"
				"INSERT INTO main.meta SELECT k, v FROM s.meta;");
	if (count(db, "SELECT count(*) FROM s.meta a JOIN main.meta b ON a.k=b.k"
		  " WHERE a.v<>b.v AND a.k IN ('schema','tool')")) {
		fprintf(stderr, "kmemlint: %s: written by another kmemlint binary or with other rules than the first shard; every shard must run the same kmemlint with the same rules\n",
			shard);
		return -1;
	}
	p = overlap(db);
	if (p) {
		fprintf(stderr, "kmemlint: %s: %s is in an earlier shard too; shards must be the K/N of one N\n",
			shard, p);
		free(p);
		return -1;
	}
	return 0;
}

/* Copy shard s's rows, the file ids renumbered by path. */
static int copy_shard(struct kdb *db, int k)
{
	char *sql = xstrfmt(
		"INSERT INTO main.files(path, module, content, flags, status, stale,"
		" functions, budget_hit, findings) SELECT path, module, content, flags,"
		" status, stale, functions, budget_hit, findings FROM s.files ORDER BY path;"
		"CREATE TEMP TABLE IF NOT EXISTS idmap(old INT PRIMARY KEY, new INT);"
		"DELETE FROM idmap;"
		"INSERT INTO idmap SELECT a.id, b.id FROM s.files a JOIN main.files b ON a.path=b.path;"
		"INSERT INTO origin SELECT new, %d FROM idmap;"
		"INSERT INTO main.summaries SELECT m.new, x.name, x.static, x.module, x.body"
		" FROM s.summaries x JOIN idmap m ON m.old=x.file ORDER BY x.rowid;"
		"INSERT INTO main.fields SELECT m.new, x.key, x.module, x.body"
		" FROM s.fields x JOIN idmap m ON m.old=x.file ORDER BY x.rowid;"
		"INSERT INTO main.inits SELECT m.new, x.fn, x.module, x.body"
		" FROM s.inits x JOIN idmap m ON m.old=x.file ORDER BY x.rowid;"
		"INSERT INTO main.deps SELECT m.new, x.kind, x.name"
		" FROM s.deps x JOIN idmap m ON m.old=x.file ORDER BY x.rowid;"
		"INSERT INTO main.includes SELECT m.new, x.path, x.hash"
		" FROM s.includes x JOIN idmap m ON m.old=x.file ORDER BY x.rowid;", k);
	int ret = kdb_exec(db, sql);

	free(sql);
	return ret;
}

/* The files that asked for a name another shard has: stale. */
static const char mark_sql[] =
	"UPDATE main.files SET stale=1 WHERE id IN ("
	" SELECT d.file FROM main.deps d JOIN origin od ON od.file=d.file"
	"  WHERE d.kind='s' AND EXISTS (SELECT 1 FROM main.summaries x"
	"   JOIN origin ox ON ox.file=x.file WHERE x.name=d.name AND x.static=0"
	"   AND ox.shard<>od.shard)"
	" UNION SELECT d.file FROM main.deps d JOIN origin od ON od.file=d.file"
	"  JOIN main.files f ON f.id=d.file"
	"  WHERE d.kind='f' AND EXISTS (SELECT 1 FROM main.fields x"
	"   JOIN origin ox ON ox.file=x.file"
	"   WHERE x.key=substr(d.name, instr(d.name, ' ') + 1)"
	"   AND x.module=f.module AND ox.shard<>od.shard)"
	" UNION SELECT d.file FROM main.deps d JOIN origin od ON od.file=d.file"
	"  JOIN main.files f ON f.id=d.file"
	"  WHERE d.kind='i' AND EXISTS (SELECT 1 FROM main.inits x"
	"   JOIN origin ox ON ox.file=x.file WHERE x.fn=d.name"
	"   AND x.module=f.module AND ox.shard<>od.shard));";

int kdb_merge(struct kdb *db, const char *const *shards, int n,
	      int *files, int *stale)
{
	int k;

	/* ATTACH and DETACH cannot be inside a transaction: one per shard */
	if (kdb_exec(db, "CREATE TEMP TABLE origin(file INTEGER PRIMARY KEY, shard INT);"))
		return -1;
	for (k = 0; k < n; k++) {
		sqlite3_stmt *st = kdb_prep(db, "ATTACH DATABASE ?1 AS s");
		int rc;

		if (!st)
			return -1;
		kdb_bind(st, 1, shards[k]);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			fprintf(stderr, "kmemlint: %s: cannot open the database\n", shards[k]);
			return -1;
		}
		rc = kdb_begin(db) || check_shard(db, shards[k], !k) ||
		     copy_shard(db, k) || kdb_commit(db);
		if (rc)
			kdb_exec(db, "ROLLBACK;");
		if (kdb_exec(db, "DETACH DATABASE s;") || rc)
			return -1;
	}
	if (kdb_exec(db, mark_sql))
		return -1;
	*files = count(db, "SELECT count(*) FROM main.files");
	*stale = count(db, "SELECT count(*) FROM main.files WHERE stale=1");
	return 0;
}
