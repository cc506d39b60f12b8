// SPDX-License-Identifier: GPL-2.0
/*
 * The memo of engine/reuse.c: the hashes of the answers its queries log,
 * the logs, and the memo as text (its format is in reuse.c) written and
 * read back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reuse_impl.h"
#include "../report/finding_io.h"

/* ---- hashes of answers ---- */

static uint64_t mix(uint64_t h, uint64_t v)
{
	return hash_bytes(&v, sizeof(v), h);
}

static uint64_t mix_str(uint64_t h, const char *s)
{
	return s ? hash_bytes(s, strlen(s) + 1, h) : mix(h, 0x5eed);
}

uint64_t reuse_hash_facts(const struct fact_list *fl, uint64_t h)
{
	int i;

	for (i = 0; i < fl->n; i++) {
		const struct fact *f = &fl->v[i];

		h = mix(h, (uint64_t)f->kind << 8 | (uint64_t)f->cond);
		h = mix_str(h, f->subject);
		h = mix(h, (uint64_t)f->value);
		h = mix_str(h, f->str);
		h = mix_str(h, f->key);
		h = mix_str(h, f->file);
		h = mix(h, (uint64_t)f->loc.line << 32 | f->loc.col);
		h = mix(h, f->sig);
	}
	return mix(h, (uint64_t)fl->n);
}

uint64_t reuse_hash_summary(const struct summary *s)
{
	uint64_t h = 0x243f6a8885a308d3ULL;

	if (!s)
		return 0;
	h = mix_str(h, s->key);
	h = mix_str(h, s->name);
	h = mix_str(h, s->file);
	h = mix(h, (uint64_t)s->split | (uint64_t)s->core << 1 |
		(uint64_t)s->stores_recorded << 2);
	return reuse_hash_facts(&s->facts, h) | 1;	/* 0 is "none" */
}

uint64_t reuse_hash_fields(const struct field_rec *v, int n)
{
	uint64_t h = 0x13198a2e03707344ULL;
	int i;

	for (i = 0; i < n; i++) {
		h = mix_str(h, v[i].fn);
		h = mix_str(h, v[i].file);
		h = mix(h, (uint64_t)v[i].kind);
		h = mix(h, (uint64_t)v[i].value);
		h = mix_str(h, v[i].str);
		h = mix(h, (uint64_t)v[i].loc.line << 32 | v[i].loc.col);
	}
	return mix(h, (uint64_t)n);
}

/* ---- logs ---- */

void memo_fn_clear(struct memo_fn *m)
{
	int i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].name);
		free(m->v[i].str);
	}
	free(m->v);
	fact_list_clear(&m->facts);
	strvec_clear(&m->findings);
	memset(m, 0, sizeof(*m));
	strvec_init(&m->findings);
}

void memo_fn_free(void *p)
{
	memo_fn_clear(p);
	free(p);
}

void memo_push(struct memo_fn *m, const struct entry *x)
{
	struct entry *y;

	if (m->n == m->a) {
		m->a = m->a ? 2 * m->a : 16;
		m->v = xrealloc(m->v, m->a * sizeof(*m->v));
	}
	y = &m->v[m->n++];
	*y = *x;
	y->name = x->name ? xstrdup(x->name) : NULL;
	y->str = x->str ? xstrdup(x->str) : NULL;
}

bool memo_same_opt(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

bool memo_same_entry(const struct entry *a, const struct entry *b)
{
	return a->type == b->type && a->kind == b->kind &&
	       a->arg == b->arg && a->hash == b->hash &&
	       a->fkind == b->fkind && a->loc.line == b->loc.line &&
	       a->loc.col == b->loc.col && memo_same_opt(a->name, b->name) &&
	       memo_same_opt(a->str, b->str);
}

/* ---- the memo as text ---- */

static void put_opt(FILE *f, const char *s)
{
	fputc('\t', f);
	if (s) {
		fputc('.', f);
		rec_put_str(f, s);
	}
}

static const char *get_opt(const char *s)
{
	return *s == '.' ? s + 1 : NULL;
}

void memo_write_fn(FILE *f, int pass, const char *name,
		     const struct memo_fn *m)
{
	const struct entry *x;
	const struct fact *t;
	int i;
	size_t k;

	fprintf(f, "fn\t%c\t", pass == PASS_SUMMARY ? 's' : 'r');
	rec_put_str(f, name);
	fprintf(f, "\t%d\t%d\t%u\t%d\n", m->nfuncs, m->budget_hit,
		m->fail_conds, m->split);
	for (i = 0; i < m->n; i++) {
		x = &m->v[i];
		if (x->type == 'q') {
			fprintf(f, "q\t%c\t%lld\t%016llx\t", x->kind,
				(long long)x->arg, (unsigned long long)x->hash);
			rec_put_str(f, x->name);

		} else {
			fprintf(f, "a\t%d\t%lld\t%u\t%u\t", x->fkind,
				(long long)x->arg, x->loc.line, x->loc.col);
			rec_put_str(f, x->name);
			put_opt(f, x->str);
		}
		fputc('\n', f);
	}
	for (i = 0; i < m->facts.n; i++) {
		t = &m->facts.v[i];
		fprintf(f, "f\t%d\t%d\t%lld\t%u\t%u\t", t->kind, (int)t->cond,
			(long long)t->value, t->loc.line, t->loc.col);
		rec_put_str(f, t->subject);
		put_opt(f, t->str);
		put_opt(f, t->key);
		put_opt(f, t->file);
		fputc('\n', f);
	}
	for (k = 0; k < m->findings.n; k++)
		fprintf(f, "%s\n", m->findings.v[k]);
}

static void read_entry(struct memo_fn *m, char **v, int n)
{
	struct entry x;

	memset(&x, 0, sizeof(x));
	x.type = v[0][0];
	if (x.type == 'q' && n == 5) {
		x.kind = v[1][0];
		x.arg = strtoll(v[2], NULL, 10);
		x.hash = strtoull(v[3], NULL, 16);
		x.name = v[4];
	} else if (x.type == 'a' && n == 7) {
		x.fkind = atoi(v[1]);
		x.arg = strtoll(v[2], NULL, 10);
		x.loc.line = (unsigned)strtoul(v[3], NULL, 10);
		x.loc.col = (unsigned)strtoul(v[4], NULL, 10);
		x.name = v[5];
		x.str = (char *)get_opt(v[6]);
	} else if (x.type == 'f' && n == 10) {
		struct ir_loc loc = { (unsigned)strtoul(v[4], NULL, 10),
				      (unsigned)strtoul(v[5], NULL, 10) };

		fact_list_add(&m->facts, atoi(v[1]), (enum ret_cond)atoi(v[2]),
			      v[6], strtoll(v[3], NULL, 10), get_opt(v[7]),
			      get_opt(v[8]), get_opt(v[9]), loc);
		return;
	} else {
		return;
	}
	memo_push(m, &x);
}

void memo_read(struct reuse *r, char *text)
{
	struct memo_fn *m = NULL;
	char *line, *nl, *v[16], *k;
	size_t len = strlen(text);
	int n;

	/* written whole, or not at all */
	if (len < 4 || strcmp(text + len - 4, "end\n"))
		return;
	for (line = text; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (!strncmp(line, "finding\t", 8) ||
		    !strncmp(line, "note\t", 5)) {
			if (m)
				strvec_push(&m->findings, line);
			continue;
		}
		n = rec_split(line, v, 16);
		if (n == 2 && !strcmp(v[0], "unit")) {
			if (strtoull(v[1], NULL, 16) != r->key)
				return;		/* of another unit */
		} else if (n == 7 && !strcmp(v[0], "fn")) {
			m = xcalloc(1, sizeof(*m));
			strvec_init(&m->findings);
			m->nfuncs = atoi(v[3]);
			m->budget_hit = atoi(v[4]);
			m->fail_conds = (unsigned)strtoul(v[5], NULL, 10);
			m->split = atoi(v[6]) != 0;
			k = xstrfmt("%c %s", v[1][0], v[2]);
			if (hmap_get(&r->prev, k))
				memo_fn_free(hmap_get(&r->prev, k));
			hmap_put(&r->prev, k, m);
			free(k);
		} else if (m && n > 0 && strlen(v[0]) == 1) {
			read_entry(m, v, n);
		} else if (n == 1 && !strcmp(v[0], "end")) {
			break;
		}
	}
}

struct memo_fn *memo_of(struct reuse *r, int pass, const char *name)
{
	char *k = xstrfmt("%c %s", pass == PASS_SUMMARY ? 's' : 'r', name);
	struct memo_fn *m = hmap_get(&r->prev, k);

	free(k);
	return m;
}
