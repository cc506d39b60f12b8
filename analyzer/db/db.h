/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_DB_H
#define KML_DB_H

/*
 * kmemlint scan's summary database (SQLite): what each file of a tree
 * exports to the others (the summaries of its functions, its field facts,
 * the functions its static initialisers store in struct fields), what it
 * asked of them, and its findings, keyed by the file's content and flags.
 * The schema is in db.c and docs/architecture.md.
 *
 *   db.c   opening, the schema, a file's row written and read (the scan)
 *   ext.c  lookups for an analysis: struct ext_source (analyze.h)
 */

#include <stdbool.h>
#include <stdio.h>

#include "../util/strvec.h"

struct kdb;

/* NULL after a message naming path and the problem. */
struct kdb *kdb_open(const char *path, bool readonly);
void kdb_close(struct kdb *db);

/* The tool and its rules changed: forget every file. */
int kdb_check_tool(struct kdb *db, const char *stamp);
int kdb_begin(struct kdb *db);
int kdb_commit(struct kdb *db);

/* What the database says of one file. */
struct kdb_file {
	bool found;
	char *content;		/* hash of the text */
	char *flags;		/* hash of the flags */
	int status;		/* 0 analysed, else enum scan_fail */
	bool stale;		/* what it read of other files changed */
	int functions;
	int budget_hit;
	char *findings;		/* finding/note records */
	struct strvec incl;	/* files of the tree it includes ... */
	struct strvec incl_hash;	/* ... and their hashes then */
};

int kdb_file_get(struct kdb *db, const char *path, struct kdb_file *out);
void kdb_file_clear(struct kdb_file *f);

/*
 * Replace the rows of path with what its worker wrote (records: the
 * worker's output, see cli/scan_worker.c), and add to changed the names
 * whose records differ from before ("s name", "f key", "i fn").
 */
int kdb_file_put(struct kdb *db, const char *path, const char *module,
		 const char *content, const char *flags, int status,
		 const char *records, struct strvec *changed);
/* A file whose worker failed: keeps nothing but the failure. */
int kdb_file_failed(struct kdb *db, const char *path, const char *module,
		    const char *content, const char *flags, int status,
		    struct strvec *changed);
/* Mark stale every file that asked for one of changed, but the file that
 * changed it; for field records and initialisers, only the files of the
 * changer's module (the only ones that read them). */
int kdb_mark_stale(struct kdb *db, const struct strvec *changed);
/*
 * Which file read a summary of a function another file defines, at its
 * last analysis: pairs (reader, writer) of paths, sorted, each once, and
 * in weight[] how many of the writer's functions the reader asked for
 * (the scan orders its files by them; *weight is the caller's to free).
 */
int kdb_file_edges(struct kdb *db, struct strvec *reader,
		   struct strvec *writer, int **weight);
/* The analysed files (status 0) marked stale, sorted. */
int kdb_stale_files(struct kdb *db, struct strvec *paths);
/*
 * db_index.c, the index pass of a first scan.  kdb_file_known: has path
 * been analysed, or indexed, before (its calls are known)?
 * kdb_file_indexed: path's "def <name>" and "dep s <name>" records
 * replace its rows of both; the file stays to be analysed.
 */
bool kdb_file_known(struct kdb *db, const char *path);
int kdb_file_indexed(struct kdb *db, const char *path, const char *records);
/* Drop the files not in paths (sorted); their names go to changed. */
int kdb_drop_others(struct kdb *db, const struct strvec *paths,
		    struct strvec *changed);
/*
 * db_pending.c: a round's results kept file by file.  kdb_gen: the
 * generation of what files read of each other (-1 on error); bumped (and
 * the pending rows dropped) in the transaction that writes a round's rows
 * or drops files.  kdb_pending_put commits one file's records at once
 * (-1: the database was busy or failed; try again later);
 * kdb_pending_get returns them (malloc'ed) when path was kept with that
 * content and flags in generation gen, else NULL.
 */
long long kdb_gen(struct kdb *db);
int kdb_gen_bump(struct kdb *db);
int kdb_pending_put(struct kdb *db, const char *path, const char *content,
		    const char *flags, long long gen, const char *records);
char *kdb_pending_get(struct kdb *db, const char *path, const char *content,
		      const char *flags, long long gen);
/*
 * merge.c: join the databases of kmemlint scan --shard runs into db (new
 * and empty): their rows copied, and every file that asked for a name
 * another shard defines marked stale.  *files, *stale: the counts after.
 * 0, or -1 after a message naming the shard and the problem.
 */
int kdb_merge(struct kdb *db, const char *const *shards, int n,
	      int *files, int *stale);
/* path, content, flags of every file analysed, pushed to keys in turn. */
int kdb_file_keys(struct kdb *db, struct strvec *keys);
/* The size of the database file, in bytes. */
long long kdb_size(const char *path);
/* Rewrite the database without its free pages when they are a quarter of
 * it or more (after a scan); 0, or -1 after a message. */
int kdb_compact(struct kdb *db);

#endif
