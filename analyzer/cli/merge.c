// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint merge OUT.db SHARD.db...: the databases of the kmemlint scan
 * --shard K/N runs of one tree joined into OUT.db (replaced).  The files
 * that read a fact of another shard are marked stale; the last step,
 * kmemlint scan --db OUT.db DIR, analyses them again and prints the
 * findings of the whole tree, as one scan on one machine would.  See
 * db/merge.c and docs/scan.md.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan.h"
#include "../db/db.h"

static void merge_usage(FILE *f)
{
	fputs("usage: kmemlint merge OUT.db SHARD.db...\n"
	      "\n"
	      "Joins the summary databases written by kmemlint scan --shard K/N\n"
	      "--db SHARD.db into OUT.db (replaced), and marks for analysis the\n"
	      "files that read facts of another shard.  Then\n"
	      "  kmemlint scan --db OUT.db [options] DIR\n"
	      "analyses those files again and prints the findings of the whole\n"
	      "tree, equal to a scan on one machine.\n"
	      "\n"
	      "Options:\n"
	      "  --help             this text\n"
	      "\n"
	      "Exit status: 0 joined, 2 a shard is missing, not a kmemlint\n"
	      "database, overlaps another, or was written by another kmemlint.\n", f);
}

int merge_main(int argc, char **argv)
{
	const char *out = NULL;
	const char **shards = xcalloc((size_t)argc, sizeof(*shards));
	struct kdb *db;
	int i, n = 0, files = 0, stale = 0, ret = 2;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			merge_usage(stdout);
			free(shards);
			return 0;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "kmemlint: merge: unknown option '%s'\n", argv[i]);
			goto out;
		} else if (!out) {
			out = argv[i];
		} else {
			if (access(argv[i], R_OK)) {
				fprintf(stderr, "kmemlint: %s: %s\n", argv[i], strerror(errno));
				goto out;
			}
			shards[n++] = argv[i];
		}
	}
	if (!out || !n) {
		merge_usage(stderr);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (!strcmp(shards[i], out)) {
			fprintf(stderr, "kmemlint: merge: %s is both the output and a shard\n", out);
			goto out;
		}
	if (unlink(out) && errno != ENOENT) {
		fprintf(stderr, "kmemlint: %s: %s\n", out, strerror(errno));
		goto out;
	}
	db = kdb_open(out, false);
	if (!db)
		goto out;
	if (!kdb_merge(db, shards, n, &files, &stale)) {
		fprintf(stderr, "kmemlint merge: %d shards, %d files; %d read facts of another shard and are analysed again by kmemlint scan --db %s\n",
			n, files, stale, out);
		ret = 0;
	}
	kdb_close(db);
	if (ret)
		unlink(out);
out:
	free(shards);
	return ret;
}
