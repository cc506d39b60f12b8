/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_REUSE_IMPL_H
#define KML_REUSE_IMPL_H

/*
 * Shared by engine/reuse.c (the windows: logging, replaying) and
 * engine/reuse_memo.c (the memo as text, the hashes).  See reuse.c.
 */

#include "engine_impl.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

#define MAX_WINDOWS	16	/* deeper than any summary exploration */

struct entry {
	char type;		/* 'q', 'a' */
	char kind;		/* q: S X U F P R I; a: unused */
	int64_t arg;		/* q: kinds; a: the record's value */
	uint64_t hash;		/* q: its answer's */
	char *name;		/* q: name or key; a: the field key */
	int fkind;		/* a: the record's kind */
	char *str;		/* a: NULL or the record's string */
	struct ir_loc loc;	/* a */
};

struct memo_fn {
	struct entry *v;
	int n, a;
	int nfuncs, budget_hit;	/* report pass */
	unsigned fail_conds;	/* summary pass */
	bool split;
	struct fact_list facts;
	struct strvec findings;	/* report pass: the record lines */
};

enum { W_OFF, W_LOG, W_VERIFY };

/* The answers of one query read since its last change, by argument. */
struct seen {
	int n, a;
	int64_t *arg;
	uint64_t *hash;
};

struct window {
	int mode;
	const char *fn;		/* the function explored */
	bool broken;		/* log: not kept; verify: the logs differ */
	struct hmap seen;	/* "kind name" -> struct seen */
	struct hmap adds;	/* the field records it added (an add
				 * again changes nothing: the records
				 * and the caps only grow) */
	struct memo_fn cur;	/* W_LOG */
	const struct memo_fn *ref;	/* W_VERIFY: the old log */
	int pos;
};

struct reuse {
	uint64_t key;
	struct hmap prev;	/* "s name", "r name" -> struct memo_fn */
	FILE *out;
	struct window win[MAX_WINDOWS];
	long reused[2], explored[2];	/* by pass */
	long polluted;		/* replays stopped by a change to an
				 * answer they had read */
};

uint64_t reuse_hash_facts(const struct fact_list *fl, uint64_t seed);
void memo_fn_clear(struct memo_fn *m);
void memo_fn_free(void *p);
void memo_push(struct memo_fn *m, const struct entry *x);
bool memo_same_opt(const char *a, const char *b);
bool memo_same_entry(const struct entry *a, const struct entry *b);
void memo_write_fn(FILE *f, int pass, const char *name, const struct memo_fn *m);
struct memo_fn *memo_of(struct reuse *r, int pass, const char *name);
/* The memo of the last analysis into r->prev (nothing when cut short or
 * of another unit); text is changed. */
void memo_read(struct reuse *r, char *text);

#endif
