// SPDX-License-Identifier: GPL-2.0
/*
 * The index pass of a first scan (cli/scan_index.c): before any file is
 * analysed, what each file defines and calls, so that the first round
 * already runs in the order of the calls (a wrapper's file before its
 * callers').  The rows are only an order: a file's "def" rows are dropped
 * when its analysis writes its summaries, and its "dep" rows replaced.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db_impl.h"
#include "../report/finding_io.h"
#include "../util/strvec.h"

bool kdb_file_known(struct kdb *db, const char *path)
{
	sqlite3_stmt *st = kdb_prep(db, "SELECT 1 FROM files f WHERE f.path=?1"
		" AND ((f.content IS NOT NULL AND f.content<>'')"
		" OR EXISTS (SELECT 1 FROM deps d WHERE d.file=f.id))");
	bool known;

	if (!st)
		return true;
	kdb_bind(st, 1, path);
	known = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return known;
}

static void run1(struct kdb *db, const char *sql, long long id,
		 const char *a, const char *b)
{
	sqlite3_stmt *st = kdb_prep(db, sql);

	if (!st)
		return;
	sqlite3_bind_int64(st, 1, id);
	if (a)
		kdb_bind(st, 2, a);
	if (b)
		kdb_bind(st, 3, b);
	sqlite3_step(st);
	sqlite3_finalize(st);
}

int kdb_file_indexed(struct kdb *db, const char *path, const char *records)
{
	long long id = kdb_file_id(db, path);
	char *copy, *line, *nl, *v[4];
	int n;

	if (id < 0)
		return -1;
	run1(db, "DELETE FROM defs WHERE file=?1", id, NULL, NULL);
	run1(db, "DELETE FROM deps WHERE file=?1", id, NULL, NULL);
	copy = xstrdup(records ? records : "");
	for (line = copy; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		n = rec_split(line, v, 4);
		if (n == 2 && !strcmp(v[0], "def"))
			run1(db, "INSERT INTO defs VALUES(?1, ?2)", id, v[1],
			     NULL);
		else if (n == 3 && !strcmp(v[0], "dep"))
			run1(db, "INSERT INTO deps VALUES(?1, ?2, ?3)", id,
			     v[1], v[2]);
	}
	free(copy);
	return 0;
}
