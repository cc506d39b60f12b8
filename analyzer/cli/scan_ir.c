// SPDX-License-Identifier: GPL-2.0
/*
 * The unit a scan worker analyses: from the IR cache when the cache holds
 * it (a later round, or a re-scan of an unchanged file whose callees'
 * summaries changed), else parsed with clang and lowered on demand, and
 * then written to the cache.  The engine asks for functions by name
 * (ir/program.h); one the unit defines but the cache does not hold (it
 * was not lowered when the cache was written) makes the worker parse the
 * file after all: a fallback, counted.
 *
 * The cache is a directory beside the database, DB.ir/, one file per
 * analysed file, named by a hash of its path, content and flags
 * (ir/ir_cache.h); scan_ir_prune() removes the files of keys the database
 * no longer has.  KMEMLINT_NO_IR_CACHE=1 or --no-ir-cache turns it off.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan.h"
#include "scan_ir.h"
#include "../frontend/tu.h"
#include "../ir/ir_cache.h"
#include "../report/finding_io.h"
#include "../util/hmap.h"

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= 0x1f;
	return h * 0x100000001b3ULL;
}

/* DB.ir/<hash of path, content, flags>.ir */
static char *cache_name(const char *path, const char *content,
			const char *flags)
{
	uint64_t h = fnv(fnv(fnv(0xcbf29ce484222325ULL, path), content), flags);

	return xstrfmt("%016llx.ir", (unsigned long long)h);
}

static char *cache_path(const struct scan *sc, int i)
{
	char *name, *p;

	if (!sc->irdir)
		return NULL;
	name = cache_name(sc->jobs.v[i].file, sc->files[i].content,
			  sc->files[i].flags);
	p = xstrfmt("%s/%s", sc->irdir, name);
	free(name);
	return p;
}

static struct ir_func *unit_get(void *ctx, const char *name)
{
	struct scan_unit *u = ctx;
	struct ir_func *fn;
	bool defined;

	if (u->cache) {
		fn = ir_cache_get(u->cache, name, &defined);
		if (fn || !defined)
			return fn;
		if (!u->tf) {
			u->fallbacks++;
			u->tu = scan_parse(u->idx, &u->sc->jobs.v[u->i]);
			if (!u->tu) {
				u->failed = true;
				return NULL;
			}
			u->tf = tu_funcs_collect(u->tu);
			tu_funcs_program(u->tf, &u->parsed);
		}
	}
	return u->parsed.get(u->parsed.ctx, name);
}

/* Are the included files of the tree as they were? */
static bool incl_same(const struct ir_cache *c)
{
	int k;

	for (k = 0; k < c->nincl; k++) {
		char *h = scan_hash_file(c->incl[2 * k]);
		bool same = !strcmp(h, c->incl[2 * k + 1]);

		free(h);
		if (!same)
			return false;
	}
	return true;
}

int scan_unit_open(struct scan_unit *u, const struct scan *sc, int i,
		   CXIndex idx)
{
	const struct compile_job *job = &sc->jobs.v[i];
	const char *why = "";

	memset(u, 0, sizeof(*u));
	u->sc = sc;
	u->i = i;
	u->idx = idx;
	strvec_init(&u->incl);
	u->path = cache_path(sc, i);
	if (job->dir && chdir(job->dir)) {
		fprintf(stderr, "kmemlint: %s: error: cannot enter %s: %s\n",
			job->file, job->dir, strerror(errno));
		return -1;
	}
	if (u->path)
		u->cache = ir_cache_read(u->path, sc->stamp, job->file,
					 sc->files[i].content,
					 sc->files[i].flags, &why);
	if (u->cache && !incl_same(u->cache)) {
		why = "an included file changed";
		ir_cache_free(u->cache);
		u->cache = NULL;
	}
	if (*why && sc->o->verbose)
		fprintf(stderr, "kmemlint: %s: IR cache %s not used (%s): parsing the file\n",
			job->file, u->path, why);
	if (u->cache)
		return 0;
	u->tu = scan_parse(idx, job);
	if (!u->tu)
		return -1;
	u->tf = tu_funcs_collect(u->tu);
	tu_funcs_program(u->tf, &u->parsed);
	return 0;
}

void scan_unit_program(struct scan_unit *u, struct ir_program *prog)
{
	memset(prog, 0, sizeof(*prog));
	if (u->cache) {
		prog->main_fns = (const char *const *)u->cache->main_fns;
		prog->nmain = u->cache->nmain;
		prog->fn_inits = u->cache->inits;
		prog->nfn_inits = u->cache->ninits;
	} else {
		*prog = u->parsed;
	}
	prog->ctx = u;
	prog->get = unit_get;
	/* what the cache is written with: the main file's own */
	u->main_fns = prog->main_fns;
	u->nmain = prog->nmain;
	u->inits = prog->fn_inits;
	u->ninits = prog->nfn_inits;
}

void scan_unit_incl(struct scan_unit *u, const char *path, const char *hash,
		    FILE *out)
{
	fputs("incl\t", out);
	rec_put_str(out, path);
	fprintf(out, "\t%s\n", hash);
	if (!u->cache) {
		strvec_push(&u->incl, path);
		strvec_push(&u->incl, hash);
	}
}

void scan_unit_cached_incl(struct scan_unit *u, FILE *out)
{
	int k;

	for (k = 0; k < u->cache->nincl; k++)
		scan_unit_incl(u, u->cache->incl[2 * k],
			       u->cache->incl[2 * k + 1], out);
}

/* Written when the file was parsed (with the cache's functions too after
 * a fallback); the "irc" record tells the scan what happened. */
void scan_unit_finish(struct scan_unit *u, FILE *out)
{
	struct ir_cache_in in;
	struct strvec defined;
	struct ir_func **fns = NULL, **cached;
	int nfns = 0, nc, k;
	long long bytes = u->cache ? u->cache->bytes : 0;
	bool written = false;
	struct stat st;

	if (u->path && u->tf) {
		memset(&in, 0, sizeof(in));
		strvec_init(&defined);
		tu_funcs_lowered(u->tf, &defined, &fns, &nfns);
		if (u->cache) {
			/* the fallback: the lowered functions are those of
			 * both (the unit's names are the parse's) */
			nc = ir_cache_fns(u->cache, &cached);
			fns = xrealloc(fns, (size_t)(nfns + nc + 1) * sizeof(*fns));
			for (k = 0; k < nc; k++)
				fns[nfns++] = cached[k];
			for (k = 0; k < u->cache->nincl * 2; k++)
				strvec_push(&u->incl, u->cache->incl[k]);
		}
		in.stamp = u->sc->stamp;
		in.path = u->sc->jobs.v[u->i].file;
		in.content = u->sc->files[u->i].content;
		in.flags = u->sc->files[u->i].flags;
		in.incl = (const char *const *)u->incl.v;
		in.nincl = (int)u->incl.n / 2;
		in.defined = (const char *const *)defined.v;
		in.ndefined = (int)defined.n;
		in.fns = fns;
		in.nfns = nfns;
		in.main_fns = u->main_fns;
		in.nmain = u->nmain;
		in.inits = u->inits;
		in.ninits = u->ninits;
		mkdir(u->sc->irdir, 0755);
		written = !ir_cache_write(u->path, &in);
		if (written && !stat(u->path, &st))
			bytes = (long long)st.st_size;
		free(fns);
		strvec_clear(&defined);
	}
	/* irc <from cache 0/1> <fallbacks> <written 0/1> <bytes>
	 *     <report passes reused> <run> <summaries reused> <run>
	 *     <replays that changed what they read> */
	if (u->path)
		fprintf(out, "irc\t%d\t%d\t%d\t%lld\t%d\t%d\t%d\t%d\t%d\n",
			u->cache != NULL, u->fallbacks, written, bytes,
			u->reused, u->explored, u->sum_reused,
			u->sum_explored, u->polluted);
}

bool scan_ir_parsed(const char *records)
{
	const char *p = records ? strstr(records, "\nirc\t") : NULL;
	int hit, fb;

	return !p || sscanf(p + 5, "%d\t%d", &hit, &fb) != 2 || !hit || fb;
}

void scan_ir_tally(struct scan *sc, const char *records)
{
	const char *p = records ? strstr(records, "\nirc\t") : NULL;
	int hit, fb, wr, reused = 0, explored = 0, sreused = 0, sexplored = 0;
	int polluted = 0;
	long long bytes;

	if (!p || sscanf(p + 5, "%d\t%d\t%d\t%lld\t%d\t%d\t%d\t%d\t%d", &hit,
			 &fb, &wr, &bytes, &reused, &explored, &sreused,
			 &sexplored, &polluted) < 4)
		return;
	sc->polluted += polluted;
	sc->fn_reused += reused;
	sc->fn_explored += explored;
	sc->sum_reused += sreused;
	sc->sum_explored += sexplored;
	if (hit && !fb)
		sc->ir_hits++;
	else
		sc->ir_parses++;
	sc->ir_fallbacks += fb;
	sc->ir_unwritten += !hit && !wr;
}

/* ---- the report pass's memo (engine/reuse.c), DB.ir/<hash>.rep ----
 *
 * Its first line names the cache file it was written with (inode, size,
 * time): a unit read from another cache file, or parsed, starts without
 * one.  Its second line is the FNV-1a of the rest: a memo changed on
 * disk is not read. */

static char *memo_path(const struct scan_unit *u)
{
	size_t n = u->path ? strlen(u->path) : 0;

	if (n < 3 || strcmp(u->path + n - 3, ".ir"))
		return NULL;
	return xstrfmt("%.*s.rep", (int)(n - 3), u->path);
}

static bool ir_identity(const struct scan_unit *u, char *buf, size_t size)
{
	struct stat st;

	if (!u->path || stat(u->path, &st))
		return false;
	snprintf(buf, size, "ir\t%llu %lld %lld.%09ld\n",
		 (unsigned long long)st.st_ino, (long long)st.st_size,
		 (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
	return true;
}

char *scan_unit_memo_read(const struct scan_unit *u)
{
	char id[128], *path, *text = NULL;
	size_t len = 0, n;
	FILE *f, *mem;
	char buf[65536];

	if (!u->cache || u->tu || !ir_identity(u, id, sizeof(id)) ||
	    !(path = memo_path(u)))
		return NULL;
	f = fopen(path, "r");
	free(path);
	if (!f)
		return NULL;
	mem = open_memstream(&text, &len);
	while (mem && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, mem);
	fclose(f);
	if (mem)
		fclose(mem);
	/* the cache file's identity, then the checksum of the rest */
	n = strlen(id);
	if (text && len >= n + 21 && !strncmp(text, id, n) &&
	    !strncmp(text + n, "sum\t", 4) && text[n + 20] == '\n' &&
	    strtoull(text + n + 4, NULL, 16) ==
	    hash_bytes(text + n + 21, len - n - 21, 0)) {
		memmove(text, text + n + 21, len - n - 21 + 1);
		return text;
	}
	free(text);
	return NULL;
}

void scan_unit_memo_write(const struct scan_unit *u, const char *text,
			  size_t len)
{
	char id[128], *path, *tmp;
	FILE *f;
	bool ok;

	path = memo_path(u);
	if (!path)
		return;
	if (!text || !ir_identity(u, id, sizeof(id))) {
		unlink(path);	/* stale: never read with another unit */
		free(path);
		return;
	}
	tmp = xstrfmt("%s.%d", path, (int)getpid());
	f = fopen(tmp, "w");
	ok = f && fputs(id, f) >= 0 &&
	     fprintf(f, "sum\t%016llx\n",
		     (unsigned long long)hash_bytes(text, len, 0)) == 21 &&
	     fwrite(text, 1, len, f) == len;
	if (f && fclose(f))
		ok = false;
	if (!ok || rename(tmp, path))
		unlink(tmp);
	free(tmp);
	free(path);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* <hash>.rep of a cache file kept */
static bool kept_memo(const char *name, const struct strvec *names)
{
	size_t n = strlen(name);
	char *ir;
	bool kept;

	if (n < 4 || strcmp(name + n - 4, ".rep"))
		return false;
	ir = xstrfmt("%.*s.ir", (int)(n - 4), name);
	kept = bsearch(&ir, names->v, names->n, sizeof(char *), cmp_str) != NULL;
	free(ir);
	return kept;
}

void scan_ir_prune(struct scan *sc, const struct strvec *keys)
{
	struct strvec names;
	struct dirent *de;
	struct stat st;
	DIR *d;
	size_t k;

	if (!sc->irdir || !(d = opendir(sc->irdir)))
		return;
	strvec_init(&names);
	for (k = 0; k + 3 <= keys->n; k += 3) {
		char *n = cache_name(keys->v[k], keys->v[k + 1], keys->v[k + 2]);

		strvec_push(&names, n);
		free(n);
	}
	qsort(names.v, names.n, sizeof(char *), cmp_str);
	while ((de = readdir(d))) {
		char *p, *name = de->d_name;

		if (name[0] == '.')
			continue;
		p = xstrfmt("%s/%s", sc->irdir, name);
		if (bsearch(&name, names.v, names.n, sizeof(char *), cmp_str) ||
		    kept_memo(name, &names))
			sc->ir_bytes += stat(p, &st) ? 0 : (long long)st.st_size;
		else
			unlink(p);
		free(p);
	}
	closedir(d);
	strvec_clear(&names);
}

void scan_unit_free(struct scan_unit *u)
{
	tu_funcs_free(u->tf);
	if (u->tu)
		clang_disposeTranslationUnit(u->tu);
	ir_cache_free(u->cache);
	strvec_clear(&u->incl);
	free(u->path);
}
