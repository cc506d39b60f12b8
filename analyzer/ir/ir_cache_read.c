// SPDX-License-Identifier: GPL-2.0
/*
 * An IR cache file read back (ir_cache.h; the layout is in
 * ir_cache_write.c).  Every number, index and enum is checked against the
 * bytes left and its table before it is used, and against what the engine
 * takes for granted (ir_cache_impl.h): a file that fails is refused with
 * the reason, and nothing of it reaches the engine.
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
	fl = (unsigned)get_int(r, 0, 127, false);
	fn->is_static = fl & 1;
	fn->in_main_file = fl & 2;
	fn->returns_ptr = fl & 4;
	fn->returns_narrow = fl & 8;
	fn->too_complex = fl & 16;
	fn->returns_bool = fl & 32;
	fn->unreferenced = fl & 64;
	fn->lock_contract = (int8_t)get_int(r, -16, 16, true);
	fn->loc = get_loc(r);
	fn->nparams = get_count(r);
	fn->ncallsites = get_int(r, 0, INT32_MAX, true);	/* sites index engine arrays */
	fn->nvars = get_count(r);
	fn->vars = xcalloc((size_t)fn->nvars + 1, sizeof(*fn->vars));
	for (i = 0; i < fn->nvars; i++) {
		struct ir_var *v = &fn->vars[i];

		v->name = get_str(r, false);
		v->gname = get_str(r, false);
		v->ptype = get_str(r, true);
		v->kind = (enum var_kind)get_int(r, VAR_LOCAL, VAR_TEMP, false);
		v->param = get_int(r, INT32_MIN, INT32_MAX, true);
		if (v->kind == VAR_PARAM && (v->param < 0 || v->param >= fn->nparams))
			bad(r, "a parameter index out of range");
		fl = (unsigned)get_int(r, 0, 15, false);
		v->is_ptr = fl & 1;
		v->is_long = fl & 2;
		v->cleanup = fl & 4;
		v->is_static = fl & 8;
	}
	nex = get_count(r);
	ex = xcalloc((size_t)nex + 1, sizeof(*ex));
	for (i = 0; i < nex; i++) {
		struct ir_expr *e = arena_alloc(ar, sizeof(*e));

		e->kind = (enum ex_kind)get_int(r, EX_UNKNOWN, EX_ARITH, false);
		e->op = get_int(r, INT32_MIN, INT32_MAX, true);
		fl = (unsigned)get_int(r, 0, 1023, false);
		e->arrow = fl & 1;
		e->base_is_ptr = fl & 2;
		e->is_ptr = fl & 4;
		e->is_long = fl & 8;
		e->is_record = fl & 16;
		e->is_byte_ptr = fl & 32;
		e->rec_local = fl & 64;
		e->nonneg = fl & 128;
		e->is_byte = fl & 256;
		e->sw_last = fl & 512;
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

			in->kind = (enum insn_kind)get_int(r, I_ASSIGN, I_ESCAPE, false);
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
			c->result_unused = get_int(r, 0, 1, false);
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
	uint32_t *defined;		/* sorted name hashes */
};

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Does the unit define name (or one of the same hash)? */
static bool defines(const struct cache_priv *cp, const struct ir_cache *c,
		    const char *name)
{
	uint32_t h = name_hash(name);

	return bsearch(&h, cp->defined, (size_t)c->ndefined, sizeof(h),
		       cmp_u32) != NULL;
}

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
	c->ndefined = get_count(&r);
	cp->defined = xcalloc((size_t)c->ndefined + 1, sizeof(*cp->defined));
	for (n = 0; n < c->ndefined; n++) {
		uint64_t d = get_u(&r), h = (n ? cp->defined[n - 1] : 0) + d;

		if ((n && !d) || h > UINT32_MAX)
			bad(&r, "a bad set of names");
		cp->defined[n] = (uint32_t)h;
	}
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
	n = get_count(&r);
	cp->fnv = xcalloc((size_t)n + 1, sizeof(*cp->fnv));
	for (c->nfns = 0; c->nfns < n && !r.why; c->nfns++) {
		struct ir_func *fn = get_fn(&r);

		if (!fn)
			break;
		cp->fnv[c->nfns] = fn;
		if (hmap_get(&cp->fns, fn->name) || !defines(cp, c, fn->name))
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
	struct ir_func *fn = hmap_get(&cp->fns, name);

	*defined = fn || defines(cp, c, name);
	return fn;
}

int ir_cache_fns(struct ir_cache *c, struct ir_func ***out)
{
	*out = ((struct cache_priv *)c->priv)->fnv;
	return c->nfns;
}
