/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_SCAN_H
#define KML_SCAN_H

/*
 * `kmemlint scan PATH`: every file of a driver tree (or of a
 * compile_commands.json), each analysed in a worker process.
 *
 *   scan.c         options, the output and the summary table
 *   scan_rounds.c  the database: which files to analyse, the rounds
 *   scan_index.c   a first scan's index pass: the order of its first round
 *   scan_pool.c    worker processes: limits, timeouts, progress bar
 *   shard.c        --shard K/N: which files a shard takes
 *   merge.c        kmemlint merge: the shards' databases joined
 *   scan_worker.c  one file, in a worker: parse, lower, analyse, write
 *                  the results as records
 *   scan_ir.c      the IR cache: a later round analyses without parsing
 */

#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>

#include <clang-c/Index.h>

#include "../frontend/compile.h"
#include "../ir/program.h"
#include "../report/finding.h"
#include "../util/strvec.h"
#include "output.h"

struct scan_opts {
	const char *path;	/* DIR or compile_commands.json */
	const char *kdir;
	const char *db;		/* --db FILE */
	struct strvec rules;
	struct out_opts out;	/* --format, --output, hook and CI (output.h) */
	int jobs;
	int timeout;		/* seconds per file */
	int max_rounds;		/* --max-rounds: analyses of a file per scan */
	long mem_limit;		/* MB per worker, 0 none */
	int budget;
	bool strict;
	bool verbose;
	bool progress;		/* stderr is a terminal */
	bool list_files;	/* print the files and flags, analyse nothing */
	bool no_ir_cache;	/* --no-ir-cache, KMEMLINT_NO_IR_CACHE=1 */
	int shard_k, shard_n;	/* --shard K/N: the K-th of N (1-based); 0 all */
};

/* Why a file could not be analysed. */
enum scan_fail {
	SF_NONE,
	SF_PARSE,	/* unreadable, or clang reported an error */
	SF_SIGNAL,	/* the worker died of a signal */
	SF_TIMEOUT,	/* killed after --timeout seconds */
	SF_MEMORY,	/* ran out of its --mem-limit */
	SF_EXIT,	/* the worker exited with another status */
};

/* Exit status of a worker whose file does not parse. */
#define WORKER_PARSE_FAILED 3

struct scan_file {
	const struct compile_job *job;
	enum scan_fail fail;
	int sig;		/* SF_SIGNAL: the signal; SF_EXIT: the status */
	double cpu;		/* the worker's CPU seconds */
	bool ran;		/* a worker ran in this scan */
	bool analysed;		/* analysed, now or by an earlier scan */
	bool kept;		/* its records committed as pending */
	bool resumed;		/* taken from an interrupted scan's round */
	int functions;
	int budget_hit;
	char *records;		/* the worker's records (this round) */
	char *content;		/* hash of the file */
	char *flags;		/* hash of its flags */
	char *module;		/* KBUILD_MODNAME, or "" */
	struct finding_list findings;
};

struct scan {
	const struct scan_opts *o;
	struct job_list jobs;
	struct scan_file *files;	/* one per job, same order */
	struct strvec unbuilt;		/* .c files kbuild does not build */
	struct header_consts consts;
	char *tmp;			/* the workers' result files */
	char *root;			/* the tree (or the database's dir) */
	char *dbpath;			/* the summary database */
	double worker_cpu;
	long worker_rss_kb;		/* the largest peak RSS of a worker */
	int worker_rss_file;		/* its file (job index), or -1 */
	int rounds;
	int reran;			/* analyses after the first round */
	int nrun;			/* analyses in all */
	int left_stale;			/* still stale after the last round */
	char *stamp;			/* tool_stamp() */
	char *irdir;			/* the IR cache (scan_ir.c), or NULL */
	int ir_hits;			/* analyses from the IR cache alone */
	int ir_parses;			/* analyses that parsed the file */
	long fn_reused;			/* report passes as last time */
	long fn_explored;		/* report passes run */
	long sum_reused;		/* summary explorations as last time */
	long sum_explored;		/* summary explorations run */
	long polluted;			/* replays that changed what they read */
	int ir_fallbacks;		/* of which for a function not cached */
	int ir_unwritten;		/* parsed, but the cache not written */
	long long ir_bytes;		/* the cache's size after the scan */
	struct kdb *db;			/* the parent's database */
	long long gen;			/* its generation (db_pending.c) */
	int resumed;			/* files taken from an interrupted scan */
	int kept;			/* files of this round committed */
	int round_files;		/* files of the round interrupted */
	int round_done;			/* of which done and kept */
	int interrupted;		/* the signal that stopped the scan, or 0 */
	bool indexing;			/* the workers run the index pass */
	int indexed;			/* files of the index pass */
	int index_parsed;		/* of which parsed (else from the cache) */
};

/* scan_pool.c: set by the SIGINT/SIGTERM handler of the scan */
extern volatile sig_atomic_t scan_stop_sig;
/* catch SIGINT and SIGTERM (on), or not (off) */
void scan_catch_signals(bool on);

/* scan_pool.c: run the worker on each of files idx[0..n); fills the
 * scan_file's outcome and reads back its result file. */
void scan_pool_run(struct scan *sc, const int *idx, int n);
/* The worker's result and stderr files of file i. */
char *scan_result_path(const struct scan *sc, int i, const char *ext);

/* scan_worker.c: analyse file i in this (worker) process and write the
 * records to out; returns the worker's exit status. */
int scan_worker(const struct scan *sc, int i, FILE *out);
/* Parse the job's file (in its directory); NULL after a message. */
CXTranslationUnit scan_parse(CXIndex idx, const struct compile_job *job);
/* The gfp constants of the headers, evaluated in a worker with job's
 * flags; 0 on success. */
int scan_probe_consts(struct scan *sc);
/* Read a worker's records into file i's scan_file; 0 or -1. */
int scan_read_results(struct scan *sc, int i, const char *path);
/* FNV-1a of a file's bytes, as 16 hex digits (malloc'ed); "-" when it
 * cannot be read. */
char *scan_hash_file(const char *path);

/* scan_rounds.c */
struct kdb;
/* DIR/.kmemlint/summaries.db, or one in the cache dir */
char *default_db(const char *root);
/* --db FILE made absolute: the workers run in the files' directories */
char *abs_db(const char *path);
/* kmemlint's version and binary, and its rules: the database's key */
char *tool_stamp(const struct scan_opts *o);
char *flags_hash(const struct compile_job *job);
/* analyse the files that need it, in rounds; -1 when interrupted
 * (sc->interrupted) */
int run_rounds(struct scan *sc, struct kdb *db);
/* scan_order.c: wave[i] for every file i of the scan, the waves of a
 * round, from what the files read of each other at their last analysis
 * (0 for all on a first scan without an index); returns the last wave */
#define SCAN_MAX_WAVES 32
int scan_order(struct scan *sc, struct kdb *db, int *wave);
/* scan_index.c: before the first round, the files of idx[0..n) that the
 * database knows nothing of are parsed and lowered (the IR cache) and
 * their definitions and calls written, so that the first round runs in
 * waves; -1 when interrupted */
int run_index(struct scan *sc, struct kdb *db, const int *idx, int n);
/* commit file i's records as pending, now (or after a later file when the
 * database is busy) */
void scan_keep(struct scan *sc, int i);
/* every file's findings and counts from the database */
void collect(struct scan *sc, struct kdb *db, struct finding_list *all);

int scan_main(int argc, char **argv);
/* main.c: kmemlint's main, run by bigstack.c on a large stack */
int kmemlint_main(int argc, char **argv);

/* shard.c: "K/N" into *k, *n (0, or -1 after a message); keep the K-th of
 * every N files of the sorted list (jobs, sorted by path). */
int scan_parse_shard(const char *v, int *k, int *n);
void scan_take_shard(struct job_list *jobs, int k, int n);

/* merge.c: kmemlint merge OUT.db SHARD.db... */
int merge_main(int argc, char **argv);

#endif
