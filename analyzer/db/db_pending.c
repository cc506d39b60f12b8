// SPDX-License-Identifier: GPL-2.0
/*
 * A round's results kept as each file is done, so that a scan killed
 * mid-round loses only the files it had not finished.
 *
 * The workers of a round read the database as it was when the round
 * began (so that the output is the same for any -j), and the parent
 * writes the round's rows at its end.  Until then each finished file's
 * records wait in pending(path, content, flags, gen, records), committed
 * at once.  gen (meta "gen") counts the changes to what files read of
 * each other: it is bumped by every write of a round's rows and by
 * the files a scan drops.  A pending row is the result of its file
 * against the database of generation gen: while gen has not moved, a new
 * scan whose round holds the same file, with the same content and flags,
 * takes the row instead of analysing the file again.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_impl.h"

long long kdb_gen(struct kdb *db)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT v FROM meta WHERE k='gen'");
	long long gen = 0;

	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		gen = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return gen;
}

int kdb_gen_bump(struct kdb *db)
{
	return kdb_exec(db, "INSERT OR REPLACE INTO meta VALUES('gen',"
			" COALESCE((SELECT CAST(v AS INTEGER) FROM meta"
			" WHERE k='gen'), 0) + 1); DELETE FROM pending;");
}

int kdb_pending_put(struct kdb *db, const char *path, const char *content,
		    const char *flags, long long gen, const char *records)
{
	sqlite3_stmt *st;
	int rc;

	/* the workers read the database meanwhile: a short wait, and the
	 * caller tries again after the next file */
	sqlite3_busy_timeout(db->h, 250);
	st = kdb_prep(db, "INSERT OR REPLACE INTO pending VALUES(?1, ?2, ?3, ?4, ?5)");
	if (!st) {
		sqlite3_busy_timeout(db->h, 10000);
		return -1;
	}
	kdb_bind(st, 1, path);
	kdb_bind(st, 2, content);
	kdb_bind(st, 3, flags);
	sqlite3_bind_int64(st, 4, gen);
	kdb_bind(st, 5, records);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	sqlite3_busy_timeout(db->h, 10000);
	return rc == SQLITE_DONE ? 0 : -1;
}

char *kdb_pending_get(struct kdb *db, const char *path, const char *content,
		      const char *flags, long long gen)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT records FROM pending WHERE"
				    " path=?1 AND content=?2 AND flags=?3 AND gen=?4");
	char *rec = NULL;

	if (!st)
		return NULL;
	kdb_bind(st, 1, path);
	kdb_bind(st, 2, content);
	kdb_bind(st, 3, flags);
	sqlite3_bind_int64(st, 4, gen);
	if (sqlite3_step(st) == SQLITE_ROW)
		rec = kdb_col(st, 0);
	sqlite3_finalize(st);
	return rec;
}
