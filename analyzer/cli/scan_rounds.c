// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint scan and its summary database: which files to analyse, the
 * rounds (a file is analysed again when what it read of the other files
 * changed), and every file's findings read back.  See
 * docs/architecture.md#batch-scan.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <signal.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan.h"
#include "scan_ir.h"
#include "scan_osc.h"
#include "../db/db.h"
#include "../engine/apitable.h"
#include "../report/finding_io.h"
#include "../util/hmap.h"

#ifndef KML_VERSION
#define KML_VERSION "0.1.0"
#endif

/* ------------------------------------------------------------ database */

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= 0xff;
	return h * 0x100000001b3ULL;
}

/* DIR/.kmemlint/summaries.db beside the tree, or in the cache dir. */
char *default_db(const char *root)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *dir = xstrfmt("%s/.kmemlint", root), *path;

	if ((!mkdir(dir, 0755) || errno == EEXIST) && !access(dir, W_OK)) {
		path = xstrfmt("%s/summaries.db", dir);
		free(dir);
		return path;
	}
	free(dir);
	if (xdg && *xdg == '/')
		dir = xstrfmt("%s/kmemlint", xdg);
	else
		dir = xstrfmt("%s/.cache/kmemlint", home && *home ? home : "/tmp");
	path = xstrfmt("%s/summaries-%016llx.db", dir, (unsigned long long)
		       fnv(0xcbf29ce484222325ULL, root));
	{
		char *p;

		for (p = dir + 1; *p; p++)
			if (*p == '/') {
				*p = '\0';
				mkdir(dir, 0755);
				*p = '/';
			}
		mkdir(dir, 0755);
	}
	free(dir);
	return path;
}

char *abs_db(const char *path)
{
	char *cwd, *abs;

	if (path[0] == '/' || !(cwd = getcwd(NULL, 0)))
		return xstrdup(path);
	abs = xstrfmt("%s/%s", cwd, path);
	free(cwd);
	return abs;
}

/* What makes every summary stale: this binary, its rules. */
char *tool_stamp(const struct scan_opts *o)
{
	struct strvec files;
	struct stat st;
	const char *dir = api_default_dir();
	uint64_t h = fnv(0xcbf29ce484222325ULL, KML_VERSION);
	char *self = realpath("/proc/self/exe", NULL), *x;
	struct dirent **ents;
	int n, i;
	size_t k;

	strvec_init(&files);
	if (self && !stat(self, &st)) {
		x = xstrfmt("%lld.%09ld %lld", (long long)st.st_mtim.tv_sec,
			    (long)st.st_mtim.tv_nsec, (long long)st.st_size);
		h = fnv(fnv(h, self), x);
		free(x);
	}
	free(self);
	n = dir ? scandir(dir, &ents, NULL, alphasort) : -1;
	for (i = 0; i < n; i++) {
		size_t len = strlen(ents[i]->d_name);

		if ((len > 6 && !strcmp(ents[i]->d_name + len - 6, ".rules")) ||
		    (len > 10 && !strcmp(ents[i]->d_name + len - 10, ".summaries")))
			strvec_pushf(&files, "%s/%s", dir, ents[i]->d_name);
		free(ents[i]);
	}
	if (n > 0)
		free(ents);
	for (k = 0; k < o->rules.n; k++)
		strvec_push(&files, o->rules.v[k]);
	for (k = 0; k < files.n; k++) {
		x = scan_hash_file(files.v[k]);
		h = fnv(fnv(h, files.v[k]), x);
		free(x);
	}
	strvec_clear(&files);
	x = getenv("KMEMLINT_NO_CORE_SUMMARIES");
	h = fnv(h, x ? x : "");
	x = getenv("KMEMLINT_PARSE");	/* skipped bodies: other summaries */
	h = fnv(h, x ? x : "");
	return xstrfmt("%s %016llx", KML_VERSION, (unsigned long long)h);
}

char *flags_hash(const struct compile_job *job)
{
	uint64_t h = fnv(0xcbf29ce484222325ULL, job->dir ? job->dir : "");
	size_t i;

	for (i = 0; i < job->args.n; i++)
		h = fnv(h, job->args.v[i]);
	return xstrfmt("%016llx", (unsigned long long)h);
}

/* Hash of an included file, once per scan. */
static const char *incl_hash(struct hmap *memo, const char *path)
{
	char *h = hmap_get(memo, path);

	if (!h) {
		h = scan_hash_file(path);
		hmap_put(memo, path, h);
	}
	return h;
}

/* Must file i be analysed (again)?  Its text, flags or included files
 * changed, it failed last time, or what it read of others changed. */
static bool dirty(struct scan *sc, struct kdb *db, int i, struct hmap *memo)
{
	struct scan_file *sf = &sc->files[i];
	struct kdb_file row;
	bool d;
	size_t k;

	if (kdb_file_get(db, sc->jobs.v[i].file, &row))
		return true;
	d = !row.found || row.status || row.stale ||
	    strcmp(row.content, sf->content) || strcmp(row.flags, sf->flags);
	for (k = 0; !d && k < row.incl.n; k++)
		d = strcmp(incl_hash(memo, row.incl.v[k]), row.incl_hash.v[k]);
	kdb_file_clear(&row);
	return d;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The records of an interrupted scan's round still hold when the files
 * of the tree they include hash as they did ("incl path hash" lines). */
static bool includes_hold(const char *records, struct hmap *memo)
{
	char *copy = xstrdup(records), *line, *nl, *v[4];
	bool ok = true;
	int n;

	for (line = copy; ok && line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (strncmp(line, "incl\t", 5))
			continue;
		n = rec_split(line, v, 4);
		ok = n == 3 && !strcmp(incl_hash(memo, v[1]), v[2]);
	}
	free(copy);
	return ok;
}

/* KMEMLINT_TEST_STOP_AFTER=N: the scan sends itself SIGTERM once N files
 * are committed (the test of an interrupted scan; docs/usage.md).  True
 * when it did: the caller keeps no more files, so that exactly N are
 * kept even where a busy database made two files wait for one commit. */
static bool test_stop(const struct scan *sc)
{
	const char *env = getenv("KMEMLINT_TEST_STOP_AFTER");

	if (env && *env && sc->kept == atoi(env)) {
		kill(getpid(), SIGTERM);
		return true;
	}
	return false;
}

void scan_keep(struct scan *sc, int i)
{
	size_t k;

	sc->files[i].kept = false;
	for (k = 0; k < sc->jobs.n; k++) {
		struct scan_file *sf = &sc->files[k];

		/* i, and the files a busy database could not take before */
		if ((int)k != i && (!sf->records || sf->kept || sf->resumed ||
				    sf->fail || !sf->ran))
			continue;
		if (!kdb_pending_put(sc->db, sc->jobs.v[k].file, sf->content,
				     sf->flags, sc->gen, sf->records)) {
			sf->kept = true;
			sc->kept++;
			if (test_stop(sc))
				return;
		}
	}
}

/* Write the rows of the files of one wave (the round's files taken from
 * an interrupted scan with the first), and mark stale the files that read
 * what changed; the names go to changed.  -1 when the commit failed. */
static int commit_wave(struct scan *sc, struct kdb *db, const int *files,
		       int k, struct strvec *changed, struct scan_osc *oc)
{
	struct strvec wc;
	int i;
	size_t j, kept;

	strvec_init(&wc);
	kdb_begin(db);
	for (i = 0; i < k; i++) {
		struct scan_file *sf = &sc->files[files[i]];

		if (!sf->resumed)
			scan_ir_tally(sc, sf->records);
		if (sf->fail)
			kdb_file_failed(db, sc->jobs.v[files[i]].file,
					sf->module, sf->content, sf->flags, sf->fail,
					&wc);
		else
			kdb_file_put(db, sc->jobs.v[files[i]].file,
				     sf->module, sf->content, sf->flags,
				     0, sf->records, &wc);
		free(sf->records);
		sf->records = NULL;
	}
	for (j = 0, kept = 0; j < wc.n; j++) {
		if (osc_keep(oc, wc.v[j]))
			wc.v[kept++] = wc.v[j];
		else
			free(wc.v[j]);
	}
	wc.n = kept;
	kdb_mark_stale(db, &wc);
	kdb_gen_bump(db);
	for (j = 0; j < wc.n; j++)
		strvec_push(changed, wc.v[j]);
	strvec_clear(&wc);
	return kdb_commit(db) ? -1 : 0;
}

static void say_round(int round, int m, int waves, const struct strvec *changed)
{
	size_t i;

	fprintf(stderr, "kmemlint: round %d: %d files analysed in %d wave%s; what other files read of them changed for %zu names%s",
		round, m, waves, waves == 1 ? "" : "s", changed->n,
		changed->n ? ":" : "\n");
	for (i = 0; i < changed->n && i < 12; i++) {
		char *c = xstrdup(changed->v[i]), *sep = strchr(c, '\x1f');

		if (sep)
			*sep = '\0';
		fprintf(stderr, " %s%s", c, i + 1 < changed->n && i < 11 ? "," :
			changed->n > 12 ? " ...\n" : "\n");
		free(c);
	}
}

/* Files by path, for the database's lists. */
static int file_index(struct hmap *at, const char *path)
{
	return (int)(intptr_t)hmap_get(at, path) - 1;
}

/*
 * The files of wave w: those of the round's list (torun[0..m)) in it, and
 * those a wave before this one in this round marked stale (what they read
 * changed), which need not wait for the next round.  A file runs once a
 * round.  Returns how many, put in out[]; *added counts the second kind.
 */
static int wave_files(struct scan *sc, struct kdb *db, struct hmap *at,
		      const int *wave, int w, const int *torun, int m,
		      bool *done, int *out, int *added)
{
	struct strvec stale;
	int k = 0, i;
	size_t j;

	for (i = 0; i < m; i++)
		if (wave[torun[i]] == w && !done[torun[i]]) {
			done[torun[i]] = true;
			out[k++] = torun[i];
		}
	strvec_init(&stale);
	if (w > 0 && !kdb_stale_files(db, &stale))
		for (j = 0; j < stale.n; j++) {
			i = file_index(at, stale.v[j]);
			if (i < 0 || wave[i] != w || done[i] || sc->files[i].fail)
				continue;
			done[i] = true;
			out[k++] = i;
			(*added)++;
		}
	strvec_clear(&stale);
	return k;
}

/*
 * Pass 1 and 2 of the changed files, in rounds until what they read of
 * each other stops changing.  Each round runs in waves (scan_order.c):
 * a wave reads what the waves before it wrote, and a file that one of
 * them made stale runs in its own wave of the same round.  Each file's
 * records are committed as it is done (pending, db_pending.c), and a
 * wave's rows at its end.
 */
int run_rounds(struct scan *sc, struct kdb *db)
{
	struct strvec changed, paths, stale;
	struct hmap memo, at;
	struct scan_osc oc;
	size_t nf = sc->jobs.n;
	int *idx = xcalloc(nf, sizeof(*idx)), n = 0, round;
	int *torun = xcalloc(nf, sizeof(*torun)), m;
	int *wave = xcalloc(nf, sizeof(*wave));
	int *wv = xcalloc(nf, sizeof(*wv));
	bool *done = xcalloc(nf, sizeof(*done));
	int ret = 0, top, w, k, nres, added, j;
	bool failed = false;
	size_t i;

	strvec_init(&changed);
	strvec_init(&paths);
	hmap_init(&memo);
	hmap_init(&at);
	osc_init(&oc, nf);
	sc->db = db;
	for (i = 0; i < nf; i++) {
		strvec_push(&paths, sc->jobs.v[i].file);
		osc_file(&oc, sc->jobs.v[i].file, (int)i);
		hmap_put(&at, sc->jobs.v[i].file, (void *)(intptr_t)(i + 1));
	}
	qsort(paths.v, paths.n, sizeof(char *), cmp_str);
	kdb_begin(db);
	kdb_drop_others(db, &paths, &changed);
	kdb_mark_stale(db, &changed);
	if (changed.n)
		kdb_gen_bump(db);
	kdb_commit(db);
	for (i = 0; i < nf; i++)
		if (dirty(sc, db, (int)i, &memo))
			idx[n++] = (int)i;
	if (run_index(sc, db, idx, n))
		ret = -1;
	/* a file whose index failed is done: recorded as failed */
	for (i = 0, k = 0; i < (size_t)n; i++)
		if (!sc->files[idx[i]].fail)
			idx[k++] = idx[i];
	n = ret ? 0 : k;
	for (round = 1; n && round <= sc->o->max_rounds && !failed; round++) {
		sc->rounds = round;
		oc.round = round;
		sc->gen = kdb_gen(db);
		sc->kept = 0;
		sc->round_files = n;
		memset(done, 0, nf * sizeof(*done));
		/* the files an interrupted scan finished in this round */
		for (i = 0, m = 0, nres = 0; i < (size_t)n; i++) {
			struct scan_file *sf = &sc->files[idx[i]];
			char *rec = kdb_pending_get(db, sc->jobs.v[idx[i]].file,
						    sf->content, sf->flags, sc->gen);

			sf->resumed = sf->kept = false;
			if (rec && includes_hold(rec, &memo)) {
				free(sf->records);
				sf->records = rec;
				sf->fail = SF_NONE;
				sf->resumed = true;
				sc->resumed++;
				done[idx[i]] = true;
				wv[nres++] = idx[i];
				if (sc->o->verbose)
					fprintf(stderr, "kmemlint: %s: kept from an interrupted scan, not analysed again\n",
						sc->jobs.v[idx[i]].file);
			} else {
				free(rec);
				torun[m++] = idx[i];
			}
		}
		top = scan_order(sc, db, wave);
		/* an oscillating file: a wave of its own, after the others */
		for (i = 0, k = top; i < nf; i++)
			if (osc_oscillates(&oc, (int)i))
				wave[i] = ++k;
		top = k;
		strvec_clear(&changed);
		for (w = 0, added = 0; w <= top && !failed; w++) {
			/* wave 0 also writes the files kept from before */
			int base = w ? 0 : nres, more = 0;

			k = base + wave_files(sc, db, &at, wave, w, torun, m,
					      done, wv + base, &more);
			if (k == base && (w || !nres))
				continue;
			for (j = base; j < k; j++) {
				sc->files[wv[j]].ran = true;
				sc->files[wv[j]].resumed = false;
				sc->files[wv[j]].kept = false;
			}
			sc->nrun += k - base;
			sc->reran += round > 1 ? k - base : more;
			sc->round_files += more;
			added += more;
			sc->gen = kdb_gen(db);
			if (k > base)
				scan_pool_run(sc, wv + base, k - base);
			if (sc->interrupted)
				break;
			failed = commit_wave(sc, db, wv, k, &changed, &oc) != 0;
		}
		if (sc->interrupted) {
			for (i = 0; i < nf; i++)
				sc->round_done += done[i] &&
					(sc->files[i].resumed || sc->files[i].kept);
			ret = -1;
			break;
		}
		if (sc->o->verbose)
			say_round(round, m + added, top + 1, &changed);
		/* the files whose view of the others changed this round */
		strvec_init(&stale);
		kdb_stale_files(db, &stale);
		for (i = 0, n = 0; i < stale.n; i++) {
			j = file_index(&at, stale.v[i]);
			if (j >= 0)
				idx[n++] = j;
		}
		strvec_clear(&stale);
	}
	sc->left_stale = sc->interrupted ? 0 : n;
	hmap_free(&memo, free);
	hmap_free(&at, NULL);
	osc_free(&oc);
	strvec_clear(&changed);
	strvec_clear(&paths);
	free(idx);
	free(torun);
	free(wave);
	free(wv);
	free(done);
	return ret;
}

/* Every file's findings and counts, as the database has them now. */
void collect(struct scan *sc, struct kdb *db, struct finding_list *all)
{
	size_t i;

	for (i = 0; i < sc->jobs.n; i++) {
		struct scan_file *sf = &sc->files[i];
		struct kdb_file row;
		char *line, *nl, *v[16];
		int n;

		if (kdb_file_get(db, sc->jobs.v[i].file, &row) || !row.found) {
			kdb_file_clear(&row);
			continue;
		}
		if (!sf->ran)
			sf->fail = (enum scan_fail)row.status;
		sf->analysed = !row.status;
		sf->functions = row.functions;
		sf->budget_hit = row.budget_hit;
		for (line = row.findings; line && *line;
		     line = nl ? nl + 1 : NULL) {
			nl = strchr(line, '\n');
			if (nl)
				*nl = '\0';
			n = rec_split(line, v, 16);
			if (n > 0)
				findings_read_rec(all, v, n);
		}
		kdb_file_clear(&row);
	}
}

