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
 *     defined: count, then the sorted distinct 32-bit hashes of the names,
 *              the first and then the differences (each > 0)
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
#include "ir_cache_impl.h"
#include "../util/arena.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

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
		 (unsigned)e->is_record << 4 | (unsigned)e->is_byte_ptr << 5 |
		 (unsigned)e->rec_local << 6 | (unsigned)e->nonneg << 7 |
		 (unsigned)e->is_byte << 8 | (unsigned)e->sw_last << 9);
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
		 (unsigned)fn->too_complex << 4 |
		 (unsigned)fn->returns_bool << 5 |
		 (unsigned)fn->unreferenced << 6);
	put_s(b, fn->lock_contract);
	put_loc(w, fn->loc);
	put_u(b, (uint64_t)fn->nparams);
	put_s(b, fn->ncallsites);
	put_u(b, (uint64_t)fn->nvars);
	for (i = 0; i < fn->nvars; i++) {
		const struct ir_var *v = &fn->vars[i];

		put_str(w, v->name);
		put_str(w, v->gname);
		put_str(w, v->ptype);
		put_u(b, (uint64_t)v->kind);
		put_s(b, v->param);
		put_u(b, (unsigned)v->is_ptr | (unsigned)v->is_long << 1 |
			 (unsigned)v->cleanup << 2 |
			 (unsigned)v->is_static << 3);
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
			put_u(b, (unsigned)in->call->result_unused);
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

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void put_hashes(struct writer *w, const char *const *v, int n)
{
	uint32_t *h = xcalloc((size_t)n + 1, sizeof(*h)), prev = 0;
	int i, k = 0;

	for (i = 0; i < n; i++)
		h[i] = name_hash(v[i]);
	qsort(h, (size_t)n, sizeof(*h), cmp_u32);
	for (i = 0; i < n; i++)
		if (!k || h[i] != h[k - 1])
			h[k++] = h[i];
	put_u(&w->body, (uint64_t)k);
	for (i = 0; i < k; i++) {
		put_u(&w->body, h[i] - prev);
		prev = h[i];
	}
	free(h);
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
	put_hashes(&w, in->defined, in->ndefined);
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

