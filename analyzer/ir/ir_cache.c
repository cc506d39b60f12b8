// SPDX-License-Identifier: GPL-2.0
/*
 * The IR of a translation unit written to a file and read back
 * (ir_cache.h).  The layout:
 *
 *   magic "KMLIRC\n\0", version (u32 LE), payload length (u64 LE),
 *   FNV-1a of the payload (u64 LE), then the payload:
 *     strings: count, then each as length + bytes (no NUL)
 *     stamp, path, content, flags       string indices
 *     incl: count, path + hash pairs
 *     defined: count, names
 *     main_fns: count, names
 *     inits: count, rec field fn var line col
 *     functions: count, each as written by put_fn()
 *
 * Numbers are LEB128 (signed ones zigzag); a string reference is its
 * index + 1, 0 for NULL; an expression reference likewise, to an
 * expression written before (so the trees and their sharing come back as
 * they were, with no cycle possible).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ir_cache.h"
#include "../util/arena.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

#define MAGIC "KMLIRC\n"	/* 8 bytes with its NUL */
#define VERSION 1u
#define HEADER 28

/* ------------------------------------------------------------- writing */

struct buf {
	unsigned char *p;
	size_t n, cap;
};

static void put_bytes(struct buf *b, const void *p, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2 + 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void put_u(struct buf *b, uint64_t v)
{
	unsigned char c[10];
	size_t n = 0;

	do {
		c[n] = v & 0x7f;
		v >>= 7;
		if (v)
			c[n] |= 0x80;
		n++;
	} while (v);
	put_bytes(b, c, n);
}

static void put_s(struct buf *b, int64_t v)
{
	put_u(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

/* Pointers to small integers (expressions to their index). */
struct pmap {
	const void **k;
	int *v;
	size_t cap, n;
};

static size_t pslot(const struct pmap *m, const void *p)
{
	size_t h = (size_t)(((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15ULL);

	for (h &= m->cap - 1; m->k[h] && m->k[h] != p; h = (h + 1) & (m->cap - 1))
		;
	return h;
}

static int pmap_get(const struct pmap *m, const void *p)
{
	size_t h;

	if (!m->cap)
		return -1;
	h = pslot(m, p);
	return m->k[h] ? m->v[h] : -1;
}

static void pmap_put(struct pmap *m, const void *p, int v)
{
	size_t h, i;

	if ((m->n + 1) * 2 > m->cap) {
		struct pmap old = *m;

		m->cap = old.cap ? old.cap * 2 : 64;
		m->k = xcalloc(m->cap, sizeof(*m->k));
		m->v = xcalloc(m->cap, sizeof(*m->v));
		m->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.k[i])
				pmap_put(m, old.k[i], old.v[i]);
		free(old.k);
		free(old.v);
	}
	h = pslot(m, p);
	if (!m->k[h])
		m->n++;
	m->k[h] = p;
	m->v[h] = v;
}

struct writer {
	struct buf body;
	struct hmap strs;		/* string -> index + 1 */
	struct strvec strv;
	struct pmap ex;			/* expression -> index */
	const struct ir_expr **exv;
	int nex, exalloc;
	bool bad;			/* an invariant does not hold */
};

static void put_str(struct writer *w, const char *s)
{
	uintptr_t i;

	if (!s) {
		put_u(&w->body, 0);
		return;
	}
	i = (uintptr_t)hmap_get(&w->strs, s);
	if (!i) {
		strvec_push(&w->strv, s);
		i = w->strv.n;
		hmap_put(&w->strs, s, (void *)i);
	}
	put_u(&w->body, i);
}

/* The children an expression of this kind must have (the engine reads
 * them without a check). */
static bool needs_a(enum ex_kind k)
{
	return k == EX_MEMBER || k == EX_INDEX || k == EX_DEREF ||
	       k == EX_ADDR || k == EX_NOT || k == EX_CMP || k == EX_ARITH;
}

static bool needs_b(enum ex_kind k)
{
	return k == EX_INDEX || k == EX_CMP;
}

/* What the engine takes for granted of an instruction and a block. */
static bool insn_ok(enum insn_kind kind, const struct ir_expr *lhs,
		    const struct ir_expr *rhs, const struct ir_call *call)
{
	switch (kind) {
	case I_ASSIGN:
		return lhs && rhs && !call;
	case I_USE:
		return rhs && !call;
	case I_CALL:
		return call && (call->callee || call->fnexpr) &&
		       call->nargs >= 0;
	}
	return false;
}

static bool term_ok(const struct ir_block *bl, int nblocks)
{
	if (bl->term == T_GOTO || bl->term == T_BRANCH)
		if (bl->succ[0] < 0 || bl->succ[0] >= nblocks)
			return false;
	if (bl->term == T_BRANCH)
		return bl->cond && bl->succ[1] >= 0 && bl->succ[1] < nblocks;
	return (unsigned)bl->term <= T_UNREACHABLE;
}

/* Operators index tables of names. */
static bool op_ok(enum ex_kind k, int op)
{
	return k == EX_CMP ? op >= CMP_EQ && op <= CMP_GE :
	       k == EX_ARITH ? op >= AR_ADD && op <= AR_OTHER : true;
}

/* Number the expressions reachable from e, children first. */
static void collect_ex(struct writer *w, const struct ir_expr *e, int depth)
{
	if (!e || pmap_get(&w->ex, e) >= 0)
		return;
	if (depth > 100000 || (unsigned)e->kind > EX_ARITH ||
	    (needs_a(e->kind) && !e->a) || (needs_b(e->kind) && !e->b) ||
	    ((e->kind == EX_FUNC || e->kind == EX_MEMBER) && !e->field) ||
	    (e->kind == EX_MEMBER && !e->rec) || !op_ok(e->kind, e->op)) {
		w->bad = true;
		return;
	}
	collect_ex(w, e->a, depth + 1);
	collect_ex(w, e->b, depth + 1);
	if (w->nex == w->exalloc) {
		w->exalloc = w->exalloc ? w->exalloc * 2 : 64;
		w->exv = xrealloc(w->exv, (size_t)w->exalloc * sizeof(*w->exv));
	}
	pmap_put(&w->ex, e, w->nex);
	w->exv[w->nex++] = e;
}

static void put_ref(struct writer *w, const struct ir_expr *e)
{
	put_u(&w->body, e ? (uint64_t)pmap_get(&w->ex, e) + 1 : 0);
}

static void put_loc(struct writer *w, struct ir_loc l)
{
	put_u(&w->body, l.line);
	put_u(&w->body, l.col);
}

static void put_expr(struct writer *w, const struct ir_expr *e)
{
	struct buf *b = &w->body;

	put_u(b, (uint64_t)e->kind);
	put_s(b, e->op);
	put_u(b, (unsigned)e->arrow | (unsigned)e->base_is_ptr << 1 |
		 (unsigned)e->is_ptr << 2 | (unsigned)e->is_long << 3 |
		 (unsigned)e->is_record << 4 | (unsigned)e->is_byte_ptr << 5);
	put_s(b, e->psize);
	put_s(b, e->var);
	put_s(b, e->ival);
	put_str(w, e->field);
	put_str(w, e->rec);
	put_ref(w, e->a);
	put_ref(w, e->b);
	put_loc(w, e->loc);
}

static void put_fn(struct writer *w, const struct ir_func *fn)
{
	struct buf *b = &w->body;
	int i, j, k;

	w->ex.n = 0;
	if (w->ex.cap)
		memset(w->ex.k, 0, w->ex.cap * sizeof(*w->ex.k));
	w->nex = 0;
	for (i = 0; i < fn->nblocks; i++) {
		const struct ir_block *bl = &fn->blocks[i];

		for (j = 0; j < bl->ninsns; j++) {
			const struct ir_insn *in = &bl->insns[j];

			collect_ex(w, in->lhs, 0);
			collect_ex(w, in->rhs, 0);
			if (!insn_ok(in->kind, in->lhs, in->rhs, in->call))
				w->bad = true;
			if (!in->call)
				continue;
			collect_ex(w, in->call->fnexpr, 0);
			collect_ex(w, in->call->dest, 0);
			if (in->call->site < 0 ||
			    in->call->site >= fn->ncallsites)
				w->bad = true;
			for (k = 0; k < in->call->nargs; k++) {
				if (!in->call->args[k])
					w->bad = true;
				collect_ex(w, in->call->args[k], 0);
			}
		}
		collect_ex(w, bl->cond, 0);
		collect_ex(w, bl->ret, 0);
		if (!term_ok(bl, fn->nblocks))
			w->bad = true;
	}
	if (fn->nblocks < 1 || !fn->name || !fn->file || !fn->key)
		w->bad = true;
	for (i = 0; i < fn->nvars; i++)
		if (!fn->vars[i].name || !fn->vars[i].gname)
			w->bad = true;
	put_str(w, fn->name);
	put_str(w, fn->key == fn->name ? NULL : fn->key);
	put_str(w, fn->file);
	put_u(b, (unsigned)fn->is_static | (unsigned)fn->in_main_file << 1 |
		 (unsigned)fn->returns_ptr << 2 |
		 (unsigned)fn->returns_narrow << 3 |
		 (unsigned)fn->too_complex << 4);
	put_loc(w, fn->loc);
	put_u(b, (uint64_t)fn->nparams);
	put_s(b, fn->ncallsites);
	put_u(b, (uint64_t)fn->nvars);
	for (i = 0; i < fn->nvars; i++) {
		const struct ir_var *v = &fn->vars[i];

		put_str(w, v->name);
		put_str(w, v->gname);
		put_u(b, (uint64_t)v->kind);
		put_s(b, v->param);
		put_u(b, (unsigned)v->is_ptr | (unsigned)v->is_long << 1);
	}
	put_u(b, (uint64_t)w->nex);
	for (i = 0; i < w->nex; i++)
		put_expr(w, w->exv[i]);
	put_u(b, (uint64_t)fn->nblocks);
	for (i = 0; i < fn->nblocks; i++) {
		const struct ir_block *bl = &fn->blocks[i];

		put_s(b, bl->id);
		put_u(b, (uint64_t)bl->ninsns);
		for (j = 0; j < bl->ninsns; j++) {
			const struct ir_insn *in = &bl->insns[j];

			put_u(b, (uint64_t)in->kind);
			put_loc(w, in->loc);
			put_ref(w, in->lhs);
			put_ref(w, in->rhs);
			if (!in->call)
				continue;
			put_str(w, in->call->callee);
			put_ref(w, in->call->fnexpr);
			put_ref(w, in->call->dest);
			put_s(b, in->call->site);
			put_u(b, (uint64_t)in->call->nargs);
			for (k = 0; k < in->call->nargs; k++)
				put_ref(w, in->call->args[k]);
		}
		put_u(b, (uint64_t)bl->term);
		put_ref(w, bl->cond);
		put_ref(w, bl->ret);
		put_loc(w, bl->term_loc);
		put_s(b, bl->succ[0]);
		put_s(b, bl->succ[1]);
	}
}

static uint64_t fnv64(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void le(unsigned char *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n) {
		ssize_t k = write(fd, c, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		c += k;
		n -= (size_t)k;
	}
	return 0;
}

static void put_strs(struct writer *w, const char *const *v, int n)
{
	int i;

	put_u(&w->body, (uint64_t)n);
	for (i = 0; i < n; i++)
		put_str(w, v[i]);
}

int ir_cache_write(const char *path, const struct ir_cache_in *in)
{
	struct writer w;
	struct buf out = { 0 };
	unsigned char head[HEADER];
	char *tmp;
	size_t i;
	int fd, ret = -1;

	memset(&w, 0, sizeof(w));
	hmap_init(&w.strs);
	strvec_init(&w.strv);
	put_str(&w, in->stamp);
	put_str(&w, in->path);
	put_str(&w, in->content);
	put_str(&w, in->flags);
	put_strs(&w, in->incl, in->nincl * 2);
	put_strs(&w, in->defined, in->ndefined);
	put_strs(&w, in->main_fns, in->nmain);
	put_u(&w.body, (uint64_t)in->ninits);
	for (i = 0; i < (size_t)in->ninits; i++) {
		const struct ir_fn_init *fi = &in->inits[i];

		if (!fi->rec || !fi->field || !fi->fn || !fi->var || fi->file)
			w.bad = true;
		put_str(&w, fi->rec);
		put_str(&w, fi->field);
		put_str(&w, fi->fn);
		put_str(&w, fi->var);
		put_loc(&w, fi->loc);
	}
	put_u(&w.body, (uint64_t)in->nfns);
	for (i = 0; i < (size_t)in->nfns; i++)
		put_fn(&w, in->fns[i]);
	/* the payload: the strings, then the body */
	put_u(&out, w.strv.n);
	for (i = 0; i < w.strv.n; i++) {
		size_t len = strlen(w.strv.v[i]);

		put_u(&out, len);
		put_bytes(&out, w.strv.v[i], len);
	}
	put_bytes(&out, w.body.p, w.body.n);
	memcpy(head, MAGIC, 8);
	le(head + 8, VERSION, 4);
	le(head + 12, out.n, 8);
	le(head + 20, fnv64(out.p, out.n), 8);
	tmp = xstrfmt("%s.%ld.tmp", path, (long)getpid());
	fd = w.bad ? -1 : open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		ret = write_all(fd, head, HEADER) || write_all(fd, out.p, out.n) ?
		      -1 : 0;
		if (close(fd))
			ret = -1;
		if (!ret && rename(tmp, path))
			ret = -1;
		if (ret)
			unlink(tmp);
	}
	free(tmp);
	free(out.p);
	free(w.body.p);
	free(w.exv);
	free(w.ex.k);
	free(w.ex.v);
	hmap_free(&w.strs, NULL);
	strvec_clear(&w.strv);
	return ret;
}

/* ------------------------------------------------------------- reading */

struct reader {
	const unsigned char *p, *end;
	char **strs;
	size_t nstr;
	const char *why;
};

static bool bad(struct reader *r, const char *why)
{
	if (!r->why)
		r->why = why;
	r->p = r->end;
	return false;
}

static uint64_t get_u(struct reader *r)
{
	uint64_t v = 0;
	int shift = 0;

	while (r->p < r->end && shift < 64) {
		unsigned char c = *r->p++;

		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
		shift += 7;
	}
	bad(r, "truncated");
	return 0;
}

static int64_t get_s(struct reader *r)
{
	uint64_t u = get_u(r);

	return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

/* An int in [lo, hi]. */
static int get_int(struct reader *r, int64_t lo, int64_t hi, bool sign)
{
	int64_t v = sign ? get_s(r) : (int64_t)get_u(r);

	if (v < lo || v > hi) {
		bad(r, "a number out of range");
		return (int)lo;
	}
	return (int)v;
}

/* A count of items of at least one byte each: no more than what is left. */
static int get_count(struct reader *r)
{
	return get_int(r, 0, r->end - r->p < INT32_MAX ? r->end - r->p : INT32_MAX,
		       false);
}

static char *get_str(struct reader *r, bool nullable)
{
	uint64_t i = get_u(r);

	if (i > r->nstr || (!i && !nullable)) {
		bad(r, "a string index out of range");
		return nullable ? NULL : (char *)"";
	}
	return i ? r->strs[i - 1] : NULL;
}

static struct ir_loc get_loc(struct reader *r)
{
	struct ir_loc l;

	l.line = (unsigned)get_int(r, 0, INT32_MAX, false);
	l.col = (unsigned)get_int(r, 0, INT32_MAX, false);
	return l;
}

static struct ir_expr *get_ref(struct reader *r, struct ir_expr **ex, int n)
{
	int i = get_int(r, 0, n, false);

	return i ? ex[i - 1] : NULL;
}

/* One function, into its own arena; NULL (r->why set) when it is not one. */
static struct ir_func *get_fn(struct reader *r)
{
	struct ir_func *fn = xcalloc(1, sizeof(*fn));
	struct arena *ar = arena_new();
	struct ir_expr **ex;
	unsigned fl;
	int i, j, k, nex;

	fn->arena = ar;
	fn->name = get_str(r, false);
	fn->key = get_str(r, true);
	if (!fn->key)
		fn->key = fn->name;
	fn->file = get_str(r, false);
	fl = (unsigned)get_int(r, 0, 31, false);
	fn->is_static = fl & 1;
	fn->in_main_file = fl & 2;
	fn->returns_ptr = fl & 4;
	fn->returns_narrow = fl & 8;
	fn->too_complex = fl & 16;
	fn->loc = get_loc(r);
	fn->nparams = get_count(r);
	fn->ncallsites = get_int(r, 0, INT32_MAX, true);	/* sites index engine arrays */
	fn->nvars = get_count(r);
	fn->vars = xcalloc((size_t)fn->nvars + 1, sizeof(*fn->vars));
	for (i = 0; i < fn->nvars; i++) {
		struct ir_var *v = &fn->vars[i];

		v->name = get_str(r, false);
		v->gname = get_str(r, false);
		v->kind = (enum var_kind)get_int(r, VAR_LOCAL, VAR_TEMP, false);
		v->param = get_int(r, INT32_MIN, INT32_MAX, true);
		if (v->kind == VAR_PARAM && (v->param < 0 || v->param >= fn->nparams))
			bad(r, "a parameter index out of range");
		fl = (unsigned)get_int(r, 0, 3, false);
		v->is_ptr = fl & 1;
		v->is_long = fl & 2;
	}
	nex = get_count(r);
	ex = xcalloc((size_t)nex + 1, sizeof(*ex));
	for (i = 0; i < nex; i++) {
		struct ir_expr *e = arena_alloc(ar, sizeof(*e));

		e->kind = (enum ex_kind)get_int(r, EX_UNKNOWN, EX_ARITH, false);
		e->op = get_int(r, INT32_MIN, INT32_MAX, true);
		fl = (unsigned)get_int(r, 0, 63, false);
		e->arrow = fl & 1;
		e->base_is_ptr = fl & 2;
		e->is_ptr = fl & 4;
		e->is_long = fl & 8;
		e->is_record = fl & 16;
		e->is_byte_ptr = fl & 32;
		e->psize = get_s(r);
		e->var = get_int(r, INT32_MIN, INT32_MAX, true);
		e->ival = get_s(r);
		e->field = get_str(r, true);
		e->rec = get_str(r, true);
		e->a = get_ref(r, ex, i);
		e->b = get_ref(r, ex, i);
		e->loc = get_loc(r);
		if ((e->kind == EX_VAR && (e->var < 0 || e->var >= fn->nvars)) ||
		    (needs_a(e->kind) && !e->a) || (needs_b(e->kind) && !e->b) ||
		    ((e->kind == EX_FUNC || e->kind == EX_MEMBER) && !e->field) ||
		    (e->kind == EX_MEMBER && !e->rec) || !op_ok(e->kind, e->op))
			bad(r, "an expression without its operands");
		ex[i] = e;
	}
	fn->nblocks = get_int(r, 1, r->end - r->p, false);
	fn->blocks = xcalloc((size_t)fn->nblocks, sizeof(*fn->blocks));
	for (i = 0; i < fn->nblocks && !r->why; i++) {
		struct ir_block *bl = &fn->blocks[i];

		bl->id = get_int(r, INT32_MIN, INT32_MAX, true);
		bl->ninsns = bl->nalloc = get_count(r);
		bl->insns = xcalloc((size_t)bl->ninsns + 1, sizeof(*bl->insns));
		for (j = 0; j < bl->ninsns; j++) {
			struct ir_insn *in = &bl->insns[j];
			struct ir_call *c;

			in->kind = (enum insn_kind)get_int(r, I_ASSIGN, I_USE, false);
			in->loc = get_loc(r);
			in->lhs = get_ref(r, ex, nex);
			in->rhs = get_ref(r, ex, nex);
			if (in->kind != I_CALL) {
				if (!insn_ok(in->kind, in->lhs, in->rhs, NULL))
					bad(r, "an instruction without its operands");
				continue;
			}
			c = in->call = arena_alloc(ar, sizeof(*c));
			c->callee = get_str(r, true);
			c->fnexpr = get_ref(r, ex, nex);
			c->dest = get_ref(r, ex, nex);
			c->site = get_int(r, 0, fn->ncallsites - 1, true);
			c->nargs = get_count(r);
			c->args = arena_alloc(ar, ((size_t)c->nargs + 1) * sizeof(*c->args));
			for (k = 0; k < c->nargs; k++)
				if (!(c->args[k] = get_ref(r, ex, nex)))
					bad(r, "a call without an argument");
			if (!insn_ok(in->kind, in->lhs, in->rhs, c))
				bad(r, "a call without its callee");
		}
		bl->term = (enum term_kind)get_int(r, T_NONE, T_UNREACHABLE, false);
		bl->cond = get_ref(r, ex, nex);
		bl->ret = get_ref(r, ex, nex);
		bl->term_loc = get_loc(r);
		bl->succ[0] = get_int(r, INT32_MIN, INT32_MAX, true);
		bl->succ[1] = get_int(r, INT32_MIN, INT32_MAX, true);
		if (!term_ok(bl, fn->nblocks))
			bad(r, "a jump to no block, or a branch on nothing");
	}
	free(ex);
	if (r->why) {
		fn->nblocks = i;
		ir_func_free(fn);
		return NULL;
	}
	return fn;
}

struct cache_priv {
	unsigned char *data;
	char **strs;
	struct hmap fns;		/* name -> struct ir_func *, or &undone */
	struct ir_func **fnv;
	char **defined;
};

static char undone;	/* defined in the unit, not in the cache */

static char **get_strs(struct reader *r, int *n)
{
	char **v;
	int i;

	*n = get_count(r);
	v = xcalloc((size_t)*n + 1, sizeof(*v));
	for (i = 0; i < *n; i++)
		v[i] = get_str(r, false);
	return v;
}

static bool same(struct reader *r, const char *want)
{
	const char *s = get_str(r, false);

	return !r->why && !strcmp(s, want);
}

static unsigned char *slurp(const char *path, size_t *len, const char **why)
{
	struct stat st;
	unsigned char *data;
	size_t got = 0;
	int fd = open(path, O_RDONLY);

	*why = "";
	if (fd < 0) {
		if (errno != ENOENT)
			*why = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &st) || st.st_size > (1LL << 31)) {
		*why = "too large";
		close(fd);
		return NULL;
	}
	*len = (size_t)st.st_size;
	data = xmalloc(*len + 1);
	while (got < *len) {
		ssize_t k = read(fd, data + got, *len - got);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	if (got != *len) {
		*why = "truncated";
		free(data);
		return NULL;
	}
	return data;
}

static uint64_t rd_le(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

void ir_cache_free(struct ir_cache *c)
{
	struct cache_priv *cp;
	int i;

	if (!c)
		return;
	cp = c->priv;
	for (i = 0; i < c->nfns; i++)
		ir_func_free(cp->fnv[i]);
	hmap_free(&cp->fns, NULL);
	free(cp->fnv);
	free(cp->defined);
	free(cp->strs);
	free(cp->data);
	free(cp);
	free(c->incl);
	free(c->main_fns);
	free(c->inits);
	free(c);
}

struct ir_cache *ir_cache_read(const char *path, const char *stamp,
			       const char *file, const char *content,
			       const char *flags, const char **why)
{
	struct ir_cache *c;
	struct cache_priv *cp;
	struct reader r = { 0 };
	unsigned char *data;
	size_t len, i;
	int n;

	data = slurp(path, &len, why);
	if (!data)
		return NULL;
	*why = memcmp(data, MAGIC, len < 8 ? len : 8) ? "not a cache file" :
	       len < HEADER ? "truncated" :
	       rd_le(data + 8, 4) != VERSION ? "of another version" : NULL;
	if (*why) {
		free(data);
		return NULL;
	}
	if (rd_le(data + 12, 8) != len - HEADER) {
		*why = "truncated";
		free(data);
		return NULL;
	}
	if (rd_le(data + 20, 8) != fnv64(data + HEADER, len - HEADER)) {
		*why = "bad checksum";
		free(data);
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	cp = xcalloc(1, sizeof(*cp));
	c->priv = cp;
	c->bytes = (long long)len;
	cp->data = data;
	hmap_init(&cp->fns);
	r.p = data + HEADER;
	r.end = data + len;
	/* the strings, copied out NUL-terminated into one block */
	r.nstr = (size_t)get_count(&r);
	{
		const unsigned char *start = r.p;
		size_t total = 1;
		char *o;

		for (i = 0; i < r.nstr && !r.why; i++) {
			size_t l = (size_t)get_count(&r);

			if ((size_t)(r.end - r.p) < l || memchr(r.p, 0, l))
				bad(&r, "a bad string");
			else
				r.p += l;
			total += l + 1;
		}
		cp->strs = r.strs = xcalloc(r.nstr + 1, sizeof(*r.strs));
		o = xmalloc(r.why ? 1 : total);
		cp->data = (unsigned char *)o;
		if (!r.why)
			r.p = start;
		for (i = 0; i < r.nstr && !r.why; i++) {
			size_t l = (size_t)get_u(&r);

			memcpy(o, r.p, l);
			o[l] = '\0';
			r.strs[i] = o;
			o += l + 1;
			r.p += l;
		}
	}
	if (!same(&r, stamp))
		bad(&r, "written by another kmemlint or rules");
	if (!same(&r, file) || !same(&r, content) || !same(&r, flags))
		bad(&r, "of another file, text or flags");
	c->incl = get_strs(&r, &n);
	if (n % 2)
		bad(&r, "an odd list of included files");
	c->nincl = n / 2;
	cp->defined = get_strs(&r, &c->ndefined);
	c->main_fns = get_strs(&r, &c->nmain);
	c->ninits = get_count(&r);
	c->inits = xcalloc((size_t)c->ninits + 1, sizeof(*c->inits));
	for (n = 0; n < c->ninits; n++) {
		struct ir_fn_init *fi = &c->inits[n];

		fi->rec = get_str(&r, false);
		fi->field = get_str(&r, false);
		fi->fn = get_str(&r, false);
		fi->var = get_str(&r, false);
		fi->loc = get_loc(&r);
	}
	for (n = 0; n < c->ndefined; n++)
		hmap_put(&cp->fns, cp->defined[n], &undone);
	n = get_count(&r);
	cp->fnv = xcalloc((size_t)n + 1, sizeof(*cp->fnv));
	for (c->nfns = 0; c->nfns < n && !r.why; c->nfns++) {
		struct ir_func *fn = get_fn(&r);

		if (!fn)
			break;
		cp->fnv[c->nfns] = fn;
		if (hmap_get(&cp->fns, fn->name) != &undone)
			bad(&r, "a function the unit does not define, or twice");
		hmap_put(&cp->fns, fn->name, fn);
	}
	if (!r.why && r.p != r.end)
		bad(&r, "trailing bytes");
	free(data);
	if (r.why) {
		*why = r.why;
		ir_cache_free(c);
		return NULL;
	}
	*why = "";
	return c;
}

struct ir_func *ir_cache_get(struct ir_cache *c, const char *name,
			     bool *defined)
{
	struct cache_priv *cp = c->priv;
	void *v = hmap_get(&cp->fns, name);

	*defined = v != NULL;
	return v == &undone ? NULL : v;
}

int ir_cache_fns(struct ir_cache *c, struct ir_func ***out)
{
	*out = ((struct cache_priv *)c->priv)->fnv;
	return c->nfns;
}

int ir_cache_defined(struct ir_cache *c, const char *const **out)
{
	*out = (const char *const *)((struct cache_priv *)c->priv)->defined;
	return c->ndefined;
}
