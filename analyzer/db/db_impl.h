/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_DB_IMPL_H
#define KML_DB_IMPL_H

/* What db.c, db_write.c and ext.c share. */

#include <sqlite3.h>

#include "db.h"

struct kdb {
	sqlite3 *h;
	char *path;
};

int kdb_exec(struct kdb *db, const char *sql);
sqlite3_stmt *kdb_prep(struct kdb *db, const char *sql);
/* Bind text (NULL as ""), copied. */
void kdb_bind(sqlite3_stmt *st, int i, const char *s);
/* Column i as a malloc'ed string ("" for NULL). */
char *kdb_col(sqlite3_stmt *st, int i);
/* db_write.c: the id of path's row in files, made if missing; -1 */
long long kdb_file_id(struct kdb *db, const char *path);

#endif
