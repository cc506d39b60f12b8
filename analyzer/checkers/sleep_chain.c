// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic: the chain from a function in atomic context down to
 * the call that sleeps, kept as the text of a may-sleep fact and turned
 * into the finding and its notes (one note per level).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sleep_in_atomic.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

/* ---- text form ---- */

struct buf {
	char *s;
	size_t n, alloc;
};

static void put(struct buf *b, const char *s, bool field)
{
	size_t len = strlen(s), i;

	if (b->n + len + 1 > b->alloc) {
		b->alloc = (b->n + len + 1) * 2;
		b->s = xrealloc(b->s, b->alloc);
	}
	for (i = 0; i < len; i++)
		/* ':' and '|' separate the fields and the levels */
		b->s[b->n++] = field && (s[i] == ':' || s[i] == '|') ? '.' : s[i];
	b->s[b->n] = '\0';
}

/* digits of v in base (10 or 16), backwards from end; returns the start */
static char *digits(char *end, uint64_t v, unsigned base)
{
	*--end = '\0';
	do {
		*--end = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	return end;
}

char *sleep_chain_str(const struct sleep_frame *f, int n)
{
	struct buf b = { NULL, 0, 0 };
	char num[24];
	int i;

	put(&b, "", false);
	for (i = 0; i < n; i++) {
		char tag[3] = { '|', f[i].tag, '\0' };

		/* "|T:mask:line:col:fn:callee:file", no '|' before the first */
		put(&b, tag + !i, false);
		put(&b, ":", false);
		put(&b, digits(num + sizeof(num), f[i].mask, 16), false);
		put(&b, ":", false);
		put(&b, digits(num + sizeof(num), f[i].loc.line, 10), false);
		put(&b, ":", false);
		put(&b, digits(num + sizeof(num), f[i].loc.col, 10), false);
		put(&b, ":", false);
		put(&b, f[i].fn ? f[i].fn : "", true);
		put(&b, ":", false);
		put(&b, f[i].callee ? f[i].callee : "", true);
		put(&b, ":", false);
		put(&b, f[i].file ? f[i].file : "", false);
	}
	return b.s;
}

#define CHAIN_PARSE_MAX 64

/*
 * A chain longer than max keeps its conditions (the Q levels, last in the
 * chain) and its sleeping call (the last other level), and drops levels
 * from the middle of the trace: a condition dropped would make a callee
 * that sleeps only for a blocking gfp sleep for any (memcg's charge under
 * __xas_nomem(), 13 calls deep, lost the "gfp cannot block" of the path
 * that keeps the xarray's lock).  No room for the conditions: -1.
 */
/* A level that is no call: a condition, or a branch that kept a lock. */
static bool side_level(char tag)
{
	return tag == 'Q' || tag == 'K';
}

static int keep_conditions(const struct sleep_frame *all, int n,
			   struct sleep_frame *f, int max)
{
	int nq = 0, keep, i, k = 0, seen = 0, last = -1;

	for (i = 0; i < n; i++) {
		if (side_level(all[i].tag))
			nq++;
		else
			last = i;
	}
	keep = max - nq;
	if (keep < 2 || last < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (!side_level(all[i].tag) &&
		    (seen++ < keep - 1 || i == last))
			f[k++] = all[i];
	for (i = 0; i < n; i++)
		if (side_level(all[i].tag))
			f[k++] = all[i];
	return k;
}

/* A chain's levels, as read once: replaying a callee's may-sleep facts
 * at each call on each path read the same texts again and again (a sixth
 * of dvm/rxon.c's analysis).  Process-wide: the strings are the memo's. */
struct parsed_chain {
	int n;			/* -1: not a chain */
	char *text;		/* the levels' strings point into it */
	struct sleep_frame all[];
};

static struct hmap parsed_chains;

static struct parsed_chain *parse_chain(const char *s)
{
	struct sleep_frame all[CHAIN_PARSE_MAX];
	char *copy = xstrdup(s), *lvl, *save = NULL;
	struct parsed_chain *pc;
	int n = 0;

	for (lvl = strtok_r(copy, "|", &save); lvl && n < CHAIN_PARSE_MAX;
	     lvl = strtok_r(NULL, "|", &save)) {
		char *fld[6], *p = lvl;
		int i;

		for (i = 0; i < 6; i++) {
			fld[i] = p;
			p = strchr(p, ':');
			if (!p)
				break;
			*p++ = '\0';
		}
		if (i < 6) {
			n = -1;
			break;
		}
		all[n].tag = fld[0][0];
		all[n].mask = strtoull(fld[1], NULL, 16);
		all[n].loc.line = (unsigned)strtoul(fld[2], NULL, 10);
		all[n].loc.col = (unsigned)strtoul(fld[3], NULL, 10);
		all[n].fn = fld[4];
		all[n].callee = fld[5];
		all[n].file = p;
		n++;
	}
	pc = xmalloc(sizeof(*pc) + (n > 0 ? (size_t)n : 0) * sizeof(*all));
	pc->n = n;
	pc->text = copy;
	if (n > 0)
		memcpy(pc->all, all, (size_t)n * sizeof(*all));
	return pc;
}

int sleep_chain_parse(const char *s, struct sleep_frame *f, int max)
{
	struct parsed_chain *pc = hmap_get(&parsed_chains, s);
	int n;

	if (!pc) {
		pc = parse_chain(s);
		hmap_put(&parsed_chains, s, pc);
	}
	n = pc->n;
	if (n <= max) {
		if (n > 0)
			memcpy(f, pc->all, (size_t)n * sizeof(*f));
		return n;
	}
	return keep_conditions(pc->all, n, f, max);
}

/* The condition levels ("Q:...") of chain s, one pass: their starts and
 * lengths in q[]; -1 for more than Q_MAX (a chain's writers keep fewer
 * levels than that). */
#define Q_MAX CHAIN_PARSE_MAX

static int q_levels(const char *s, const char **q, size_t *len)
{
	int n = 0;

	for (;;) {
		const char *e = strchr(s, '|');

		if (s[0] == 'Q' && s[1] == ':') {
			if (n == Q_MAX)
				return -1;
			q[n] = s;
			len[n++] = e ? (size_t)(e - s) : strlen(s);
		}
		if (!e)
			return n;
		s = e + 1;
	}
}

/*
 * A may-sleep fact a holds whenever b does: the same lock depth, and
 * every condition of a's chain (its 'Q' levels) is one of b's.  Then b
 * adds nothing for a caller: a sleep under no condition makes every
 * conditional one redundant.  The chains themselves (the calls down to
 * the sleep) may differ; one witness is enough.  Each chain is read
 * once: a function that sleeps in many ways (r8152's
 * rtl8152_set_speed(), 78 chains) compares every new chain with each
 * it has.
 */
bool sleep_fact_subsumes(const struct fact *a, const struct fact *b)
{
	const char *qa[Q_MAX], *qb[Q_MAX];
	size_t la[Q_MAX], lb[Q_MAX];
	int na, nb, i, j;

	if (sleep_unpack_depth(a->value) != sleep_unpack_depth(b->value) ||
	    !a->str || !b->str)
		return false;
	na = q_levels(a->str, qa, la);
	if (!na)
		return true;
	nb = q_levels(b->str, qb, lb);
	if (na < 0 || nb < 0)
		return false;
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb; j++)
			if (la[i] == lb[j] && !memcmp(qa[i], qb[j], la[i]))
				break;
		if (j == nb)
			return false;
	}
	return true;
}

/* Conditions on one parameter (or field place) and constant. */
static bool same_q_place(const struct sleep_frame *a,
			 const struct sleep_frame *b)
{
	return a->tag == 'Q' && b->tag == 'Q' && a->mask == b->mask &&
	       !strcmp(a->fn ? a->fn : "", b->fn ? b->fn : "") &&
	       !strcmp(a->callee ? a->callee : "", b->callee ? b->callee : "");
}

/* The same condition: place, constant and op. */
static bool same_q(const struct sleep_frame *a, const struct sleep_frame *b)
{
	return same_q_place(a, b) && a->loc.line == b->loc.line;
}

/* Opposite conditions of one place and constant: = and !, some bit set
 * and all clear, > and <=, < and >=. */
static bool opposite_q(const struct sleep_frame *a,
		       const struct sleep_frame *b)
{
	static const char pairs[] = "=!!=scslgLLglGGl";
	unsigned i;

	if (!same_q_place(a, b))
		return false;
	for (i = 0; i + 1 < sizeof(pairs); i += 2)
		if (a->loc.line == (unsigned char)pairs[i] &&
		    b->loc.line == (unsigned char)pairs[i + 1])
			return true;
	return false;
}

/* The one condition of f[0..n) that g[0..m) lacks: its index, -1 for
 * none, -2 for more than one. */
static int lone_q(const struct sleep_frame *f, int n,
		  const struct sleep_frame *g, int m)
{
	int i, j, at = -1;

	for (i = 0; i < n; i++) {
		if (f[i].tag != 'Q')
			continue;
		for (j = 0; j < m && !same_q(&f[i], &g[j]); j++)
			;
		if (j < m)
			continue;
		if (at >= 0)
			return -2;
		at = i;
	}
	return at;
}

/*
 * a and b sleep at the same depth under the same conditions but one,
 * which a has and b has in its opposite form: the sleep happens either
 * way, and a without that condition says both (engine_fact_kind_merge()).
 * foo_reset() testing seven flags before a sleep on every path had 128
 * conditional chains and no plain one; merged two by two, one is left.
 */
char *sleep_fact_merge(const struct fact *a, const struct fact *b,
		       int64_t *value)
{
	struct sleep_frame fa[CHAIN_PARSE_MAX], fb[CHAIN_PARSE_MAX];
	int na, nb, ia, ib, depth = sleep_unpack_depth(a->value);

	if (depth != sleep_unpack_depth(b->value) || !a->str || !b->str)
		return NULL;
	na = sleep_chain_parse(a->str, fa, CHAIN_PARSE_MAX);
	nb = sleep_chain_parse(b->str, fb, CHAIN_PARSE_MAX);
	if (na <= 0 || nb <= 0)
		return NULL;
	ia = lone_q(fa, na, fb, nb);
	ib = lone_q(fb, nb, fa, na);
	if (ia < 0 || ib < 0 || !opposite_q(&fa[ia], &fb[ib]))
		return NULL;
	memmove(&fa[ia], &fa[ia + 1], (size_t)(na - ia - 1) * sizeof(*fa));
	na--;
	*value = sleep_pack_value(depth, fa, na);
	return sleep_chain_str(fa, na);
}

/* A bit per condition level of the chain: a chain whose conditions are
 * all another's has a subset of its bits (engine_fact_kind_signature()).
 * No condition, no bit. */
uint64_t sleep_fact_sig(const struct fact *f)
{
	const char *q[Q_MAX];
	size_t len[Q_MAX];
	uint64_t sig = 0;
	int n = f->str ? q_levels(f->str, q, len) : 0, i;

	if (n < 0)
		return ~0ULL;	/* too many to tell: the predicate decides */
	for (i = 0; i < n; i++)
		sig |= 1ULL << (hash_bytes(q[i], len[i], 0) & 63);
	return sig;
}

/* ---- registrations ---- */

static bool atomic_ctx_name(const struct api_entry *api)
{
	return api && api->cb_context && strcmp(api->cb_context, "process");
}

const struct api_entry *sleep_atomic_field(const char *rec, const char *f)
{
	const struct api_entry *api = api_field_entry(rec, f);

	return api && atomic_ctx_name(api) ? api : NULL;
}

bool sleep_callback_of(struct engine *en, const char *fn,
		       struct sleep_cb *cb)
{
	const struct field_rec *v;
	const struct ir_fn_init *fi;
	char *key = xstrfmt("callback:%s", fn);
	int n = engine_field_facts(en, key, FACT_BIT(sleep_k_callback), &v), i;

	free(key);
	memset(cb, 0, sizeof(*cb));
	for (i = 0; i < n; i++) {
		const struct api_entry *api;

		if (v[i].kind != sleep_k_callback || !v[i].str)
			continue;
		api = api_lookup(v[i].str);
		if (atomic_ctx_name(api)) {
			cb->api = api;
			cb->loc = v[i].loc;
			cb->file = v[i].file;
			return true;
		}
	}
	n = engine_fn_inits(en, fn, &fi);
	for (i = 0; i < n; i++) {
		if (strcmp(fi[i].fn, fn))
			continue;
		cb->api = sleep_atomic_field(fi[i].rec, fi[i].field);
		if (cb->api) {
			cb->loc = fi[i].loc;
			cb->file = fi[i].file;
			cb->var = fi[i].var;
			return true;
		}
	}
	return false;
}

/* ---- the finding ---- */


static bool decides(char tag)
{
	return tag == 'S' || tag == 'V' || tag == 'G';
}

/* "kzalloc() with gfp mask 0xcc0 may sleep" for level d of n levels */
static char *sleep_what(struct engine *en, const struct sleep_frame *f,
			int d, int n)
{
	char *m, *s;

	if (f[d].tag != 'G')
		return xstrfmt("%s() may sleep", f[d].callee);
	m = engine_gfp_str(en, f[d].mask);
	if (d == n - 1)
		s = xstrfmt("%s() with %s may sleep",
			    f[d].callee, m);
	else
		s = xstrfmt("%s() is passed %s, with which %s() may sleep",
			    f[d].callee, m, f[n - 1].callee);
	free(m);
	return s;
}

static char *level_note(struct engine *en, const struct sleep_frame *f,
			bool atomic)
{
	const char *in = atomic ? ", in atomic context" : "";
	char *m, *s;

	switch (f->tag) {
	case 'G':
		m = engine_gfp_str(en, f->mask);
		s = xstrfmt("%s() calls %s() here with %s, which may sleep%s",
			    f->fn, f->callee, m, in);
		free(m);
		return s;
	case 'P':
		return xstrfmt("%s() passes its gfp mask to %s() here%s",
			       f->fn, f->callee, in);
	case 'S':
	case 'V':
		return xstrfmt("%s() calls %s() here, which may sleep%s",
			       f->fn, f->callee, in);
	default:
		return xstrfmt("%s() calls %s() here%s", f->fn, f->callee, in);
	}
}

static void note(struct trace_note *t, int *nt, const char *file,
		 struct ir_loc loc, char *msg)
{
	t[*nt].file = file;
	t[*nt].loc = loc;
	t[*nt].msg = msg;
	(*nt)++;
}

void sleep_report(struct engine *en, const struct atomic_ctx *ctx,
		  const struct sleep_frame *all, int nall)
{
	struct sleep_frame f[SLEEP_MAX_FRAMES + 1];
	const struct sleep_frame *lock = NULL, *kept[SLEEP_MAX_FRAMES];
	struct trace_note t[2 * SLEEP_MAX_FRAMES + 4];
	struct sleep_cb scb;
	const struct api_entry *cb = NULL;
	char *what, *where, *msg;
	int n = 0, nt = 0, nk = 0, d = -1, r, i;

	if (!engine_reporting(en))
		return;
	for (i = 0; i < nall; i++) {
		if (all[i].tag == 'L')
			lock = &all[i];
		else if (all[i].tag == 'K' && nk < SLEEP_MAX_FRAMES)
			kept[nk++] = &all[i];
		else if (!side_level(all[i].tag) && n < SLEEP_MAX_FRAMES)
			f[n++] = all[i];
	}
	for (i = 0; i < n; i++)
		if (decides(f[i].tag))
			d = i;
	if (d < 0 || (!ctx && !lock))
		return;
	if (ctx && ctx->callback &&
	    sleep_callback_of(en, engine_fn_name(en), &scb))
		cb = scb.api;
	if (ctx && ctx->callback && !cb)
		return;
	/* vfree() in an interrupt defers the work: it sleeps only in
	 * process context */
	if (f[d].tag == 'V' && ctx && ctx->bh)
		return;
	/* the deepest level in this file, or (kmemlint scan) in another
	 * file of the tree: where the sleeping call is */
	for (r = d; r > 0 && !engine_file_reportable(en, f[r].file); r--)
		;

	/* the context */
	if (cb && (cb->roles & ROLE_FIELD))
		where = xstrfmt("in %s context (%s() is stored in %s)",
				cb->cb_context, engine_fn_name(en), cb->name);
	else if (cb)
		where = xstrfmt("in %s context (a callback registered by %s())",
				cb->cb_context, cb->name);
	else if (ctx)
		where = xstrdup(ctx->what ? ctx->what : "in atomic context");
	else
		where = xstrfmt("%s in %s()", lock->callee, lock->fn);
	what = sleep_what(en, f, d, n);
	if (r == 0)
		msg = xstrfmt("%s, called %s", what, where);
	else
		msg = xstrfmt("%s, and %s() is reached from %s() %s", what,
			      f[r].fn, f[0].fn, where);
	free(what);
	free(where);

	if (cb && (cb->roles & ROLE_FIELD))
		note(t, &nt, scb.file, scb.loc,
		     scb.var ?
		     xstrfmt("%s() is stored in %s of %s here: it runs in %s context, where sleeping is a bug",
			     engine_fn_name(en), cb->name, scb.var,
			     cb->cb_context) :
		     xstrfmt("%s() is stored in %s here: it runs in %s context, where sleeping is a bug",
			     engine_fn_name(en), cb->name, cb->cb_context));
	else if (cb)
		note(t, &nt, scb.file, scb.loc,
		     xstrfmt("%s() is registered here by %s(): it runs in %s context, where sleeping is a bug",
			     engine_fn_name(en), cb->name, cb->cb_context));
	else if (ctx)
		note(t, &nt, NULL, ctx->loc,
		     xstrfmt("atomic context from here on (%s)",
			     ctx->what ? ctx->what : "a lock"));
	else
		note(t, &nt, lock->file, lock->loc,
		     xstrfmt("%s() enters atomic context here (%s)", lock->fn,
			     lock->callee));
	for (i = 0; i < r; i++)
		note(t, &nt, f[i].file, f[i].loc, level_note(en, &f[i], true));
	for (i = r + 1; i < n; i++)
		note(t, &nt, f[i].file, f[i].loc, level_note(en, &f[i], false));
	/* where a callee's branch kept the lock it could have dropped */
	for (i = 0; i < nk && (ctx || lock); i++)
		note(t, &nt, kept[i]->file, kept[i]->loc,
		     xstrdup(kept[i]->callee));
	note(t, &nt, f[r].file, f[r].loc,
	     xstrdup(f[d].tag == 'G' ?
		     "use GFP_ATOMIC (or GFP_NOWAIT) here, or allocate before entering atomic context" :
		     "move the call out of the atomic region, or defer the work to process context"));
	engine_report_in(en, f[r].fn, f[r].file, "sleep-in-atomic", f[r].loc,
			 msg, t, nt);
}
