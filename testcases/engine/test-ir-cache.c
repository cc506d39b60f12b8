// SPDX-License-Identifier: GPL-2.0
/*
 * The IR cache of kmemlint scan (ir/ir_cache_*.c) reads back what it wrote:
 * a unit with loops, switch, goto, calls through pointers, statement
 * expressions, a call whose result is dropped and static initialisers is
 * lowered (all functions but one), written, read, and every function must
 * dump (ir_dump) and analyse to the same text as the original; the one not
 * lowered reads back as "defined, not cached", an unknown name as not defined.
 *
 * Then the file is damaged: cut at every length, every byte flipped, and
 * every byte of the payload set to other values with the checksum made
 * right again (so that the reader's own bounds checks are what stands
 * between the bytes and the engine).  Each damaged file must be refused
 * with a reason, or read into IR that the engine analyses without harm
 * (run under ASan in CI).  usage: test-ir-cache DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <clang-c/Index.h>

#include "checkers/checkers.h"
#include "engine/analyze.h"
#include "engine/apitable.h"
#include "frontend/tu.h"
#include "ir/ir_cache.h"
#include "util/strvec.h"

static const char src[] =
	"typedef unsigned long size_t;\n"
	"void *kmalloc(size_t n, unsigned flags);\n"
	"void kfree(const void *p);\n"
	"struct dev { char *buf; int n; struct dev *next; int (*op)(struct dev *); };\n"
	"static inline int helper(struct dev *d) { return d ? d->n : -1; }\n"
	"static int op_a(struct dev *d) { return helper(d) + 1; }\n"
	"struct ops { int (*run)(struct dev *); };\n"
	"static const struct ops my_ops = { .run = op_a };\n"
	"static int counter;\n"
	"int setup(struct dev *d, int n)\n"
	"{\n"
	"	int i, r = 0;\n"
	"	char *p = kmalloc(n * 2, 0xcc0);\n"
	"	if (!p)\n"
	"		return -12;\n"
	"	for (i = 0; i < n && r >= 0; i++) {\n"
	"		switch (i & 3) {\n"
	"		case 0: r += d->op ? d->op(d) : 0; break;\n"
	"		case 1: p[i] = (char)({ int t = i * 3; t ^ 5; }); continue;\n"
	"		default: if (i > 7) goto out; r--;\n"
	"		}\n"
	"	}\n"
	"	d->buf = p;\n"
	"	counter++;\n"
	"	return my_ops.run(d);\n"
	"out:\n"
	"	kfree(p);\n"
	"	return r ?: -1;\n"
	"}\n"
	"void teardown(struct dev *d)\n"
	"{\n"
	"	helper(d);\n"
	"	while (d) { struct dev *n = d->next; kfree(d->buf); kfree(d); d = n; }\n"
	"}\n"
	"int not_lowered(int x) { return x * 2; }\n";

static char *dump(const struct ir_func *fn)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ir_dump(fn, f);
	fclose(f);
	return buf;
}

/* Every finding and record of an analysis of prog, as text. */
static char *analyse(const struct ir_program *prog)
{
	struct analyze_opts o;
	struct analyze_stats st = { 0, 0, 0, 0, 0, 0, 0 };
	struct finding_list fl;
	char *buf = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);

	memset(&o, 0, sizeof(o));
	o.budget = 2000;
	o.export = f;
	findings_init(&fl);
	analyze_program(prog, all_checkers, nr_checkers, &o, &fl, &st);
	for (i = 0; i < fl.n; i++)
		fprintf(f, "finding %s %u %s\n", fl.v[i].rule, fl.v[i].line,
			fl.v[i].message);
	fprintf(f, "stat %d %d\n", st.functions, st.budget_hit);
	fclose(f);
	findings_free(&fl);
	return buf;
}

struct fallback {
	struct ir_cache *c;
	struct ir_program *parsed;
	int n;
};

static struct ir_func *fb_get(void *ctx, const char *name)
{
	struct fallback *f = ctx;
	bool defined;
	struct ir_func *fn = ir_cache_get(f->c, name, &defined);

	if (fn || !defined)
		return fn;
	f->n++;
	return f->parsed->get(f->parsed->ctx, name);
}

static struct ir_func *cache_get(void *ctx, const char *name)
{
	bool defined;

	return ir_cache_get(ctx, name, &defined);
}

static void cache_program(struct ir_cache *c, struct ir_program *p,
			  const struct header_consts *consts)
{
	memset(p, 0, sizeof(*p));
	p->consts = *consts;
	p->ctx = c;
	p->get = cache_get;
	p->main_fns = (const char *const *)c->main_fns;
	p->nmain = c->nmain;
	p->fn_inits = c->inits;
	p->nfn_inits = c->ninits;
}

static int fails;

#define CHECK(c, ...) do { if (!(c)) { fprintf(stderr, "FAIL: " __VA_ARGS__); \
	fputc('\n', stderr); fails++; } } while (0)

static struct ir_cache *rd(const char *path, const char **why)
{
	return ir_cache_read(path, "stamp", "t.c", "content", "flags", why);
}

static void put(const char *path, const unsigned char *d, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(d, 1, n, f) != n || fclose(f)) {
		perror(path);
		exit(2);
	}
}

static void fix_sum(unsigned char *d, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 28; i < n; i++) {
		h ^= d[i];
		h *= 0x100000001b3ULL;
	}
	for (i = 0; i < 8; i++)
		d[20 + i] = (unsigned char)(h >> (8 * i));
}

/* A damaged file: refused with a reason, or harmless to the engine. */
static int damaged(const char *path, const struct header_consts *consts,
		   int *accepted)
{
	const char *why = NULL;
	struct ir_cache *c = rd(path, &why);
	struct ir_program p;
	int i;

	if (!c) {
		CHECK(why && *why, "a damaged file refused without a reason");
		return 0;
	}
	(*accepted)++;
	for (i = 0; i < c->nfns; i++) {
		struct ir_func **fns;

		ir_cache_fns(c, &fns);
		free(dump(fns[i]));
	}
	cache_program(c, &p, consts);
	free(analyse(&p));
	ir_cache_free(c);
	return 0;
}

int main(int argc, char **argv)
{
	struct CXUnsavedFile uf = { "t.c", src, sizeof(src) - 1 };
	const char *args[] = { "-std=gnu11", "-w" };
	const char *incl[] = { "/tree/a.h", "0123456789abcdef" };
	CXIndex idx = clang_createIndex(0, 0);
	CXTranslationUnit tu = NULL;
	struct tu_funcs *tf;
	struct ir_program prog, cp;
	struct ir_cache_in in;
	struct ir_cache *c;
	struct fallback fb;
	struct strvec defined;
	struct ir_func **fns;
	const char *why = NULL;
	char *path, *a, *b, *orig;
	unsigned char *data;
	size_t n, i;
	int nfns, k, accepted = 0, tried = 0;
	bool def;
	FILE *f;

	if (argc != 2 || api_load_default(NULL, 0))
		return 2;
	path = xstrfmt("%s/t.ir", argv[1]);
	if (clang_parseTranslationUnit2(idx, "t.c", args, 2, &uf, 1, 0, &tu) ||
	    !tu)
		return 2;
	tf = tu_funcs_collect(tu);
	memset(&prog, 0, sizeof(prog));
	prog.consts.gfp_direct_reclaim = 0x400;	/* as in the kernel's headers */
	prog.consts.gfp_nofail = 0x8000;
	prog.consts.page_shift = 12;
	tu_funcs_program(tf, &prog);
	CHECK(prog.nmain == 5, "5 functions in the main file, not %d", prog.nmain);
	CHECK(prog.nfn_inits == 1, "one initialiser, not %d", prog.nfn_inits);
	/* everything but not_lowered(): the engine lowers what it asks for */
	for (k = 0; k < prog.nmain; k++)
		if (strcmp(prog.main_fns[k], "not_lowered"))
			prog.get(prog.ctx, prog.main_fns[k]);
	strvec_init(&defined);
	tu_funcs_lowered(tf, &defined, &fns, &nfns);
	CHECK(nfns == 4, "4 functions lowered, not %d", nfns);
	memset(&in, 0, sizeof(in));
	in.stamp = "stamp";
	in.path = "t.c";
	in.content = "content";
	in.flags = "flags";
	in.incl = incl;
	in.nincl = 1;
	in.defined = (const char *const *)defined.v;
	in.ndefined = (int)defined.n;
	in.fns = fns;
	in.nfns = nfns;
	in.main_fns = prog.main_fns;
	in.nmain = prog.nmain;
	in.inits = prog.fn_inits;
	in.ninits = prog.nfn_inits;
	CHECK(!ir_cache_write(path, &in), "the cache is written");

	/* read back: the same IR */
	c = rd(path, &why);
	CHECK(c != NULL, "the cache reads back (%s)", why);
	if (!c)
		return 1;
	CHECK(c->nmain == prog.nmain && c->ninits == 1 && c->nincl == 1 &&
	      !strcmp(c->incl[0], incl[0]) && !strcmp(c->incl[1], incl[1]) &&
	      c->ndefined == (int)defined.n, "the unit's lists read back");
	for (k = 0; k < c->nmain; k++)
		CHECK(!strcmp(c->main_fns[k], prog.main_fns[k]), "main_fns[%d]", k);
	CHECK(!strcmp(c->inits[0].rec, prog.fn_inits[0].rec) &&
	      !strcmp(c->inits[0].field, "run") && !strcmp(c->inits[0].fn, "op_a") &&
	      !strcmp(c->inits[0].var, "my_ops") &&
	      c->inits[0].loc.line == prog.fn_inits[0].loc.line &&
	      c->inits[0].loc.col == prog.fn_inits[0].loc.col &&
	      !c->inits[0].file, "the initialiser reads back");
	for (k = 0; k < nfns; k++) {
		struct ir_func *g = ir_cache_get(c, fns[k]->name, &def);

		CHECK(g != NULL, "%s is in the cache", fns[k]->name);
		if (!g)
			continue;
		a = dump(fns[k]);
		b = dump(g);
		CHECK(!strcmp(a, b), "%s reads back the same:\n%s---\n%s",
		      fns[k]->name, a, b);
		CHECK(!strcmp(g->key, fns[k]->key) && !strcmp(g->file, fns[k]->file) &&
		      g->is_static == fns[k]->is_static &&
		      g->in_main_file == fns[k]->in_main_file &&
		      g->returns_ptr == fns[k]->returns_ptr &&
		      g->returns_narrow == fns[k]->returns_narrow &&
		      g->nparams == fns[k]->nparams &&
		      g->ncallsites == fns[k]->ncallsites &&
		      g->loc.line == fns[k]->loc.line,
		      "%s: its attributes read back", fns[k]->name);
		free(a);
		free(b);
	}
	CHECK(!ir_cache_get(c, "not_lowered", &def) && def,
	      "not_lowered(): defined, not in the cache");
	CHECK(!ir_cache_get(c, "no_such_function", &def) && !def,
	      "no_such_function(): not defined");
	/* the same analysis from the parse and from the cache, which falls
	 * back to the parse for not_lowered() as the scan's worker does */
	ir_cache_free(c);
	c = rd(path, &why);
	if (!c)
		return 1;
	a = analyse(&prog);
	fb.c = c;
	fb.parsed = &prog;
	fb.n = 0;
	cache_program(c, &cp, &prog.consts);
	cp.ctx = &fb;
	cp.get = fb_get;
	b = analyse(&cp);
	CHECK(!strcmp(a, b), "the same analysis from the cache:\n%s---\n%s", a, b);
	CHECK(fb.n == 1, "one function from the parse (not_lowered), not %d", fb.n);
	CHECK(strstr(a, "sum\t") != NULL, "the analysis writes summaries:\n%s", a);
	free(a);
	free(b);
	ir_cache_free(c);

	/* refused: another tool, file, text or flags */
	CHECK(!ir_cache_read(path, "other", "t.c", "content", "flags", &why) &&
	      *why, "another stamp is refused");
	CHECK(!ir_cache_read(path, "stamp", "u.c", "content", "flags", &why) &&
	      *why, "another file is refused");
	CHECK(!ir_cache_read(path, "stamp", "t.c", "content2", "flags", &why) &&
	      *why, "other text is refused");
	CHECK(!ir_cache_read(path, "stamp", "t.c", "content", "f2", &why) &&
	      *why, "other flags are refused");
	unlink(path);
	CHECK(!rd(path, &why) && !*why, "no file: no cache, no reason");
	ir_cache_write(path, &in);

	/* damaged */
	f = fopen(path, "rb");
	if (!f)
		return 2;
	fseek(f, 0, SEEK_END);
	n = (size_t)ftell(f);
	rewind(f);
	orig = xmalloc(n);
	if (fread(orig, 1, n, f) != n)
		return 2;
	fclose(f);
	data = xmalloc(n);
	for (i = 0; i < n; i++) {		/* cut */
		put(path, (unsigned char *)orig, i);
		CHECK(!rd(path, &why) && *why, "cut at %zu: refused", i);
	}
	for (i = 0; i < n; i++) {		/* a byte flipped */
		memcpy(data, orig, n);
		data[i] ^= 0x5a;
		put(path, data, n);
		CHECK(!rd(path, &why) && *why, "byte %zu flipped: refused", i);
	}
	for (i = 28; i < n; i++) {		/* checksum made right */
		static const unsigned char vals[] = { 0, 1, 0x7f, 0x80, 0xff };

		for (k = 0; k < 5; k++) {
			if (orig[i] == (char)vals[k])
				continue;
			memcpy(data, orig, n);
			data[i] = vals[k];
			fix_sum(data, n);
			put(path, data, n);
			damaged(path, &prog.consts, &accepted);
			tried++;
		}
	}
	printf("ir cache: %d functions round-trip; %zu bytes; %zu cuts and %zu flips refused; %d of %d damaged payloads with a right checksum read (and analysed without harm), the rest refused\n",
	       nfns, n, n, n, accepted, tried);
	unlink(path);
	free(orig);
	free(data);
	free(fns);
	strvec_clear(&defined);
	tu_funcs_free(tf);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(idx);
	free(path);
	return fails ? 1 : 0;
}
