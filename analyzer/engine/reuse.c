// SPDX-License-Identifier: GPL-2.0
/*
 * An exploration whose inputs did not change is not run again: its
 * outcome is taken from the last analysis of the unit.
 *
 * A scan analyses a file again when something it read of the other files
 * changed (a callee's summary, a field's records), and most of its
 * functions read none of it.  An exploration (a function's summary
 * pass, or its report pass) is deterministic: what it does depends on
 * its IR, on what the unit gives every function alike (the memo's key:
 * the tool, the header constants, the budget, the main file's
 * functions), and on the answers of a few queries that it makes at its
 * own depth (a summary exploration that a query starts is an exploration
 * of its own):
 *
 *   S name        unit_summary(): the summary, or none
 *   X name        unit_ext_fn(): another file's summary, or none
 *   U name        the unit's entry or another file's, for success tests
 *   F key kinds   engine_field_facts(): every record of the field
 *   P name        unit_fn_pure(): pure, and what it reads
 *   R file        may a finding go there
 *   I name        the ops-table initialisers that store name (in a
 *                 scan, the module's)
 *
 * A query asked again gets the same answer unless something changed it
 * in between, and every such change goes through reuse_invalidate():
 * an entry made for a function (U), a summary exploration finished (S,
 * U), a function found pure or not (P), a field record added (F).  So
 * the log holds a query the first time it is asked, or again after a
 * change to its answer that the exploration had not read.  An
 * exploration that changes an answer it had read (its own field record,
 * or a summary exploration that one of its queries started, in every
 * window open) keeps no log: it is explored every time.  The records the
 * exploration adds to the field records are logged (a).
 *
 * Next time, the log's queries are asked again and its records added in
 * that order (what a query starts, a header function's summary, an
 * import from the database, a dependency record, happens as it did),
 * and what they log is compared with the old log as it comes: when both
 * logs are the same, every answer the exploration would read is what it
 * read, and its outcome is taken (a summary, what fail_conds it set; or
 * the report pass's findings).  At the first difference the function is
 * explored; the queries asked so far are the ones it asks first, as it
 * would.
 *
 * The memo is text, one record a line (report/finding_io.h escapes; an
 * optional string is empty for none, else '.' and the string):
 *
 *   unit <hash>                      the unit's key
 *   fn <s|r> <name> <functions> <over budget> <fail_conds> <split>
 *   q <kind> <arg> <hash> <name>     a query and its answer's hash
 *   a <kind> <value> <line> <col> <key> <str>
 *   f <kind> <cond> <value> <line> <col> <subject> <str> <key> <file>
 *                                    the summary's facts, in order
 *   finding ... / note ...           the report pass's findings
 *   end                              (a memo without it is not read)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "reuse_impl.h"
#include "../report/finding_io.h"

static struct window *window(const struct unit *u)
{
	struct reuse *r = u->reuse;

	if (!r || u->depth < 0 || u->depth >= MAX_WINDOWS ||
	    r->win[u->depth].mode == W_OFF)
		return NULL;
	return &r->win[u->depth];
}

bool reuse_on(const struct unit *u)
{
	return window(u) != NULL;
}

/* Log x (W_LOG), or compare it with the old log's next entry. */
static void append(struct window *w, const struct entry *x)
{
	if (w->broken)
		return;
	if (w->mode == W_LOG) {
		memo_push(&w->cur, x);
	} else if (w->pos < w->ref->n && memo_same_entry(&w->ref->v[w->pos], x)) {
		w->pos++;
	} else {
		w->broken = true;
	}
}

static void free_seen(void *p)
{
	struct seen *x = p;

	free(x->arg);
	free(x->hash);
	free(x);
}

static void forget_seen(struct window *w)
{
	hmap_free(&w->seen, free_seen);
	hmap_init(&w->seen);
	hmap_free(&w->adds, NULL);
	hmap_init(&w->adds);
}

void reuse_note(struct unit *u, char kind, const char *name, int64_t arg,
		uint64_t hash)
{
	struct window *w = window(u);
	struct seen *sn;
	struct entry x;
	char *k;
	int i;

	if (!w || w->broken)
		return;
	k = xstrfmt("%c %s", kind, name);
	sn = hmap_get(&w->seen, k);
	if (!sn) {
		sn = xcalloc(1, sizeof(*sn));
		hmap_put(&w->seen, k, sn);
	}
	free(k);
	for (i = 0; i < sn->n; i++)
		if (sn->arg[i] == arg) {
			/* its own fail_conds change as it explores, as
			 * they did last time */
			if (sn->hash[i] != hash && u->check_reuse &&
			    !(kind == 'U' && w->fn && !strcmp(name, w->fn)))
				fprintf(stderr, "kmemlint: %s(): reuse: the answer to %c %lld %s changed with nothing said\n",
					w->fn ? w->fn : "", kind,
					(long long)arg, name);
			sn->hash[i] = hash;
			return;
		}
	if (sn->n == sn->a) {
		sn->a = sn->a ? 2 * sn->a : 2;
		sn->arg = xrealloc(sn->arg, sn->a * sizeof(*sn->arg));
		sn->hash = xrealloc(sn->hash, sn->a * sizeof(*sn->hash));
	}
	sn->arg[sn->n] = arg;
	sn->hash[sn->n++] = hash;
	memset(&x, 0, sizeof(x));
	x.type = 'q';
	x.kind = kind;
	x.arg = arg;
	x.hash = hash;
	x.name = (char *)name;
	append(w, &x);
}

/* The answer to query kind about name may have changed: each open window
 * that read it logs so, and asks again. */
void reuse_invalidate(struct unit *u, char kind, const char *name)
{
	struct reuse *r = u->reuse;
	struct seen *sn;
	char *k;
	int d;

	if (!r)
		return;
	k = xstrfmt("%c %s", kind, name);
	for (d = 0; d <= u->depth && d < MAX_WINDOWS; d++) {
		struct window *w = &r->win[d];

		if (w->mode == W_OFF || w->broken ||
		    !(sn = hmap_get(&w->seen, k)) || !sn->n)
			continue;
		/*
		 * Something the exploration set off changed an answer it
		 * had read.  Logging: its log is not kept (it is explored
		 * every time).  Replaying: the replay stops, and the
		 * exploration that follows starts from a state that
		 * already holds the change, where an exploration without
		 * the memo would have read the answer before it: counted
		 * (reuse_stats()), never seen on lpfc or intel.
		 */
		w->broken = true;
		if (w->mode == W_VERIFY)
			r->polluted++;
	}
	free(k);
}

void reuse_note_add(struct unit *u, const char *key, int kind, int64_t value,
		    const char *str, struct ir_loc loc)
{
	struct window *w = window(u);
	struct entry x;
	char *k;

	if (!w || w->broken)
		return;
	k = xstrfmt("%d\t%lld\t%u:%u\t%s\t%s", kind, (long long)value,
		    loc.line, loc.col, str ? str : "\n", key);
	if (hmap_get(&w->adds, k)) {
		free(k);
		return;
	}
	hmap_put(&w->adds, k, (void *)1);
	free(k);
	memset(&x, 0, sizeof(x));
	x.type = 'a';
	x.name = (char *)key;
	x.fkind = kind;
	x.arg = value;
	x.str = (char *)str;
	x.loc = loc;
	append(w, &x);
}

struct reuse *reuse_new(const char *prev, uint64_t key, FILE *out)
{
	struct reuse *r = xcalloc(1, sizeof(*r));
	int i;

	r->key = key;
	r->out = out;
	hmap_init(&r->prev);
	for (i = 0; i < MAX_WINDOWS; i++) {
		hmap_init(&r->win[i].seen);
		hmap_init(&r->win[i].adds);
		strvec_init(&r->win[i].cur.findings);
	}
	if (prev) {
		char *text = xstrdup(prev);

		memo_read(r, text);
		free(text);
	}
	if (out)
		fprintf(out, "unit\t%016llx\n", (unsigned long long)key);
	return r;
}

void reuse_stats(const struct reuse *r, struct analyze_stats *st)
{
	if (!r)
		return;
	st->reused += (int)r->reused[PASS_REPORT];
	st->explored += (int)r->explored[PASS_REPORT];
	st->sum_reused += (int)r->reused[PASS_SUMMARY];
	st->sum_explored += (int)r->explored[PASS_SUMMARY];
	st->polluted += (int)r->polluted;
}

void reuse_free(struct reuse *r)
{
	int i;

	if (!r)
		return;
	if (r->out)
		fputs("end\n", r->out);
	hmap_free(&r->prev, memo_fn_free);
	for (i = 0; i < MAX_WINDOWS; i++) {
		hmap_free(&r->win[i].seen, free_seen);
		hmap_free(&r->win[i].adds, NULL);
		memo_fn_clear(&r->win[i].cur);
		strvec_clear(&r->win[i].cur.findings);
	}
	free(r);
}

/* ---- an exploration ---- */

/* Its old log replayed: does the new one come out the same? */
static bool replay(struct unit *u, struct window *w, struct fn_entry *e,
		   const struct memo_fn *m)
{
	const struct entry *x;
	int at;

	w->mode = W_VERIFY;
	w->fn = e->name;
	w->ref = m;
	w->pos = 0;
	w->broken = false;
	forget_seen(w);
	while (!w->broken && w->pos < m->n) {
		x = &m->v[w->pos];
		at = w->pos;
		if (x->type == 'q')
			unit_query(u, x->kind, x->name, x->arg);
		else if (x->type == 'a')
			unit_field_fact(u, e->name, x->name, x->fkind, x->arg,
					x->str, x->loc);
		if (w->pos == at)	/* a change no query made, or a
					 * query whose answer was known */
			w->broken = true;
	}
	w->mode = W_OFF;
	return !w->broken;
}

bool reuse_try(struct unit *u, struct fn_entry *e, int pass)
{
	struct reuse *r = u->reuse;
	struct memo_fn *m;
	struct window *w;
	char *v[64];
	size_t k;
	int i, n;

	/* KMEMLINT_REUSE_CHECK: explore, and compare (reuse_end()) */
	if (!r || u->check_reuse || u->depth >= MAX_WINDOWS ||
	    !(m = memo_of(r, pass, e->name)))
		return false;
	w = &r->win[u->depth];
	if (w->mode != W_OFF || !replay(u, w, e, m))
		return false;
	if (pass == PASS_SUMMARY) {
		fact_list_clear(&e->sum.facts);
		for (i = 0; i < m->facts.n; i++) {
			const struct fact *f = &m->facts.v[i];

			fact_list_add(&e->sum.facts, f->kind, f->cond,
				      f->subject, f->value, f->str, f->key,
				      f->file, f->loc);
		}
		e->sum.split = m->split;
		e->fail_conds = m->fail_conds;
	} else {
		for (k = 0; k < m->findings.n; k++) {
			char *line = xstrdup(m->findings.v[k]);

			n = rec_split(line, v, 64);
			if (n > 0 && u->out)
				findings_read_rec(u->out, v, n);
			free(line);
		}
		u->nfuncs += m->nfuncs;
		u->nbudget_hit += m->budget_hit;
	}
	if (r->out)
		memo_write_fn(r->out, pass, e->name, m);
	r->reused[pass]++;
	return true;
}

/* KMEMLINT_REUSE_CHECK=1: every function is explored; one whose log is
 * the old memo's (a replay would have taken its outcome) must have the
 * same outcome, or the log misses a question. */
static void check(struct reuse *r, int pass, const struct fn_entry *e,
		  const struct memo_fn *cur)
{
	const struct memo_fn *m = memo_of(r, pass, e->name);
	bool same = true;
	size_t k;
	int i;

	if (!m)
		return;
	for (i = 0; i < m->n && i < cur->n; i++)
		if (!memo_same_entry(&m->v[i], &cur->v[i]))
			break;
	if (i < m->n || i < cur->n) {
		const struct entry *x = i < m->n ? &m->v[i] : &cur->v[i];

		fprintf(stderr, "kmemlint: %s(): %s pass: entry %d of %d (%c %c %s) differs\n",
			e->name, pass == PASS_SUMMARY ? "summary" : "report",
			i + 1, m->n, x->type, x->kind ? x->kind : '-',
			x->name ? x->name : "");
		return;
	}
	r->reused[pass]++;	/* would have been */
	if (pass == PASS_SUMMARY) {
		same = m->fail_conds == cur->fail_conds &&
		       m->split == cur->split &&
		       reuse_hash_facts(&m->facts, 0) ==
		       reuse_hash_facts(&cur->facts, 0);
	} else {
		same = m->findings.n == cur->findings.n &&
		       m->nfuncs == cur->nfuncs &&
		       m->budget_hit == cur->budget_hit;
		for (k = 0; same && k < m->findings.n; k++)
			same = !strcmp(m->findings.v[k], cur->findings.v[k]);
	}
	if (!same)
		fprintf(stderr, "kmemlint: %s: %s(): REUSE MISMATCH in the %s pass: the same log, another outcome\n",
			e->fn->file, e->name,
			pass == PASS_SUMMARY ? "summary" : "report");
}

void reuse_begin(struct unit *u, struct fn_entry *e)
{
	struct reuse *r = u->reuse;
	struct window *w;

	if (!r || u->depth >= MAX_WINDOWS)
		return;
	w = &r->win[u->depth];
	w->fn = e->name;
	memo_fn_clear(&w->cur);
	forget_seen(w);
	w->broken = false;
	w->mode = W_LOG;
}

/* The function explored: its log and its outcome, for next time.
 * first: its first finding in u->out (report pass). */
void reuse_end(struct unit *u, struct fn_entry *e, int pass, size_t first,
	       int nfuncs, int budget_hit)
{
	struct reuse *r = u->reuse;
	struct finding_list view;
	struct window *w;
	char *text = NULL, *line, *nl;
	size_t len = 0;
	FILE *mem;
	int i;

	if (!r || u->depth >= MAX_WINDOWS)
		return;
	w = &r->win[u->depth];
	w->mode = W_OFF;
	r->explored[pass]++;
	if (w->broken || !r->out)
		return;
	if (pass == PASS_SUMMARY) {
		for (i = 0; i < e->sum.facts.n; i++) {
			const struct fact *f = &e->sum.facts.v[i];

			fact_list_add(&w->cur.facts, f->kind, f->cond,
				      f->subject, f->value, f->str, f->key,
				      f->file, f->loc);
		}
		w->cur.split = e->sum.split;
		w->cur.fail_conds = e->fail_conds;
	} else if (u->out) {
		w->cur.nfuncs = nfuncs;
		w->cur.budget_hit = budget_hit;
		memset(&view, 0, sizeof(view));
		view.v = u->out->v + first;
		view.n = u->out->n - first;
		mem = open_memstream(&text, &len);
		if (!mem)
			return;
		findings_write_recs(mem, &view);
		fclose(mem);
		for (line = text; line && *line; line = nl ? nl + 1 : NULL) {
			nl = strchr(line, '\n');
			if (nl)
				*nl = '\0';
			strvec_push(&w->cur.findings, line);
		}
		free(text);
	}
	if (u->check_reuse)
		check(r, pass, e, &w->cur);
	memo_write_fn(r->out, pass, e->name, &w->cur);
	memo_fn_clear(&w->cur);
}
