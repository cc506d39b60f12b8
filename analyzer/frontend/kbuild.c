// SPDX-License-Identifier: GPL-2.0
/*
 * `kmemlint scan DIR`: the flags kbuild compiles each file of DIR with,
 * including the directory Makefiles' ccflags-y, CFLAGS_file.o and
 * subdir-ccflags-y.
 *
 * kbuild is asked once for the whole tree, without compiling anything:
 *
 *   make -k -s -C KDIR M=MIRROR 'cmd_cc_o_c=SELF scan --kbuild-record=R
 *        $(srctree) $(c_flags) -c -o $@ $<' KBUILD_BUILTIN=1 modules
 *
 * A variable given on make's command line overrides the Makefiles' and is
 * passed down to every sub-make, so each object's compile command becomes
 * our recorder, which writes its argv to a file of R and fails (so make
 * -k neither runs fixdep nor links, and goes on with the next object).
 * MIRROR is a temporary copy of DIR made of symlinks, so that kbuild's
 * droppings (.mod, modules.order) never land in the user's tree; the
 * paths are mapped back afterwards.  The mirror of DIR sits at DIR's own
 * absolute path under the mirror's root, and the directories above it
 * hold symlinks to the real ones' other entries (ANCESTOR_LEVELS of
 * them), so that what a Makefile names beside its directory is there:
 * amdgpu's Makefile includes $(FULL_AMD_PATH)/pm/Makefile, with
 * FULL_AMD_PATH = $(srctree)/$(src)/.., and builds ../pm and ../display
 * objects with the -I and subdir-ccflags-y that Makefile adds.  M= is
 * given relative to KDIR when KDIR and the kernel's source tree are
 * equally deep (Debian's linux-headers-X-amd64 and linux-headers-X-common
 * beside it, or one tree): kbuild then reads $(srctree)/$(src), the
 * kbuild file's own directory, as the mirror too; an absolute M= would
 * append the mirror's path to the headers' tree, where nothing is.  The
 * files kbuild compiles outside DIR for DIR's modules are part of the
 * scan.  KBUILD_BUILTIN=1: an M= build
 * compiles obj-m objects only; with it, kbuild also compiles the obj-y
 * (and lib-y, extra-y) objects of the M= directory and of the
 * directories its obj-y lists, each with its exact flags (no -DMODULE,
 * KBUILD_MODNAME from the object or its composite), as a kernel build
 * does.  A directory reached through obj-m only builds its modules, as in
 * a kernel build.  modpost then wants vmlinux.o, which make -k reports
 * and passes by.  An in-tree Makefile's
 * -I$(srctree)/drivers/foo names the kernel headers' tree, which has no
 * drivers/: such a directory is looked for in DIR and its parents.
 *
 * The answer is cached per DIR (kbuild_cache.c), keyed by KDIR's
 * configuration and every Makefile and Kbuild of DIR and of its kbuild
 * parents (kbuild_parents.c).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "kbuild.h"

extern char **environ;

#define RECORD_OPT "--kbuild-record="

/* ------------------------------------------------------------ recorder */

int fe_record_mode(int argc, char **argv)
{
	const char *dir;
	char *path, *cwd;
	int fd, i;
	FILE *f;

	if (argc < 2 || !starts_with(argv[1], RECORD_OPT))
		return -1;
	dir = argv[1] + strlen(RECORD_OPT);
	path = xstrfmt("%s/r.XXXXXX", dir);
	fd = mkstemp(path);
	cwd = getcwd(NULL, 0);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (f && cwd) {
		fprintf(f, "%s\n", cwd);
		for (i = 2; i < argc; i++)
			fprintf(f, "%s\n", argv[i]);
	}
	if (f)
		fclose(f);
	free(cwd);
	free(path);
	/* fail: make -k goes on with the next object, compiles nothing */
	return 1;
}

/* ------------------------------------------------------------- helpers */

static uint64_t fnv_add(uint64_t h, const char *s)
{
	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	h ^= 0xff;
	h *= 0x100000001b3ULL;
	return h;
}

int kb_is_dir(const char *p)
{
	struct stat st;

	return !stat(p, &st) && S_ISDIR(st.st_mode);
}

/* What the tree holds: the .c files, and a stamp of its Makefiles. */
struct tree_walk {
	const char *root;
	const char *mirror;	/* NULL: do not mirror */
	struct strvec *cfiles;
	uint64_t stamp;
	int err;
};

static bool skip_name(const char *name)
{
	return name[0] == '.';	/* .git, .kmemlint, kbuild's .*.cmd */
}

static void walk(struct tree_walk *w, const char *rel)
{
	char *dpath = *rel ? xstrfmt("%s/%s", w->root, rel) : xstrdup(w->root);
	struct dirent **ents;
	int n, i;

	n = scandir(dpath, &ents, NULL, alphasort);
	if (n < 0) {
		free(dpath);
		return;
	}
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char *r = *rel ? xstrfmt("%s/%s", rel, name) : xstrdup(name);
		char *full = xstrfmt("%s/%s", w->root, r);
		struct stat st;

		if (!skip_name(name) && !lstat(full, &st)) {
			if (S_ISDIR(st.st_mode)) {
				if (w->mirror) {
					char *m = xstrfmt("%s/%s", w->mirror, r);

					if (mkdir(m, 0755) && errno != EEXIST)
						w->err = -1;
					free(m);
				}
				walk(w, r);
			} else if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) {
				if (ends_with(name, ".c"))
					fe_push(w->cfiles, full);
				if (!strcmp(name, "Makefile") ||
				    !strcmp(name, "Kbuild") ||
				    starts_with(name, "Makefile.") ||
				    ends_with(name, ".mk")) {
					char buf[64];

					snprintf(buf, sizeof(buf), "%lld.%09ld %lld",
						 (long long)st.st_mtim.tv_sec,
						 (long)st.st_mtim.tv_nsec,
						 (long long)st.st_size);
					w->stamp = fnv_add(fnv_add(w->stamp, r), buf);
				}
				if (ends_with(name, ".c"))
					w->stamp = fnv_add(w->stamp, r);
				if (w->mirror) {
					char *m = xstrfmt("%s/%s", w->mirror, r);

					if (symlink(full, m))
						w->err = -1;
					free(m);
				}
			}
		}
		free(full);
		free(r);
		free(ents[i]);
	}
	free(ents);
	free(dpath);
}

static int rm_entry(const char *path, const struct stat *st, int type,
		    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

static char **make_environ(void)
{
	static const char *const strip[] = {
		"MAKEFLAGS=", "MFLAGS=", "MAKELEVEL=", "MAKEOVERRIDES=",
	};
	size_t n = 0, k = 0, i, j;
	char **env;

	while (environ[n])
		n++;
	env = xcalloc(n + 1, sizeof(*env));
	for (i = 0; i < n; i++) {
		for (j = 0; j < sizeof(strip) / sizeof(strip[0]); j++)
			if (starts_with(environ[i], strip[j]))
				break;
		if (j == sizeof(strip) / sizeof(strip[0]))
			env[k++] = environ[i];
	}
	return env;
}

/* How many directories above the mirrored top get their other entries
 * as symlinks: enough for the $(src)/../.. a driver's Makefile uses. */
#define ANCESTOR_LEVELS 4

static int depth(const char *p)
{
	int n = 0;

	for (; *p; p++)
		if (*p == '/' && p[1] && p[1] != '/')
			n++;
	return n;
}

/* The kernel's source tree behind KDIR (kreal, real): KDIR/source of an
 * O= build, the tree a Debian headers Makefile includes, or KDIR. */
static char *kdir_srctree(const char *kreal)
{
	char *p = xstrfmt("%s/source", kreal), *r = realpath(p, NULL);
	struct strvec lines;

	free(p);
	if (r)
		return r;
	strvec_init(&lines);
	p = xstrfmt("%s/Makefile", kreal);
	if (!fe_read_lines(p, &lines) && lines.n &&
	    starts_with(lines.v[0], "include /") &&
	    ends_with(lines.v[0], "/Makefile")) {
		char *d = xstrdup(lines.v[0] + strlen("include "));

		*strrchr(d, '/') = '\0';
		r = realpath(d, NULL);
		free(d);
	}
	strvec_clear(&lines);
	free(p);
	return r ? r : xstrdup(kreal);
}

/* M= for make -C kreal: the mirror relative to KDIR when the source
 * tree is as deep as KDIR (the same ../ lead from both to the mirror),
 * else the mirror's absolute path. */
static char *make_m_dir(const char *kreal, const char *mirror)
{
	char *src = kdir_srctree(kreal), *m = realpath(mirror, NULL);
	char *rel, *q;
	int i, n = depth(kreal);

	if (!m || depth(src) != n || !strcmp(kreal, "/")) {
		free(src);
		free(m);
		return xstrdup(mirror);
	}
	rel = xmalloc(3 * (n + 1) + strlen(m) + 1);
	for (i = 0, q = rel; i <= n; i++, q += 3)
		memcpy(q, "../", 3);
	strcpy(q, m + 1);
	free(src);
	free(m);
	return rel;
}

/* mkdir -p of root followed by the absolute path abs.  0, or -1. */
static int mkdirs(const char *root, const char *abs)
{
	char *p = xstrfmt("%s%s", root, abs), *q;
	int err = 0;

	for (q = p + strlen(root) + 1; !err; q++) {
		char c = *q;

		if (c != '/' && c)
			continue;
		*q = '\0';
		if (mkdir(p, 0755) && errno != EEXIST)
			err = -1;
		*q = c;
		if (!c)
			break;
	}
	free(p);
	return err;
}

/* Make the directories of mirror (root followed by top's absolute path),
 * and in the ANCESTOR_LEVELS directories above top, symlinks to the real
 * ones' other entries.  0, or -1. */
static int mirror_ancestors(const char *root, const char *top)
{
	char *cur = xstrdup(top), *slash;
	int level = 0, err = mkdirs(root, top);

	while (!err && level < ANCESTOR_LEVELS &&
	       (slash = strrchr(cur, '/')) && slash != cur) {
		const char *child = slash + 1;
		struct dirent **ents;
		int n, i;

		*slash = '\0';
		n = scandir(cur, &ents, NULL, alphasort);
		for (i = 0; i < n; i++) {
			const char *name = ents[i]->d_name;

			if (strcmp(name, ".") && strcmp(name, "..") &&
			    strcmp(name, child)) {
				char *from = xstrfmt("%s/%s", cur, name);
				char *to = xstrfmt("%s%s/%s", root, cur, name);

				if (symlink(from, to) && errno != EEXIST)
					err = -1;
				free(from);
				free(to);
			}
			free(ents[i]);
		}
		if (n > 0)
			free(ents);
		level++;
	}
	free(cur);
	return err;
}

static int run_make(const char *kdir, const char *mirror, const char *rec,
		    int jobs, const char *log)
{
	char *mdir = make_m_dir(kdir, mirror);
	posix_spawn_file_actions_t fa;
	char self[PATH_MAX];
	char *margs[11];
	char **env;
	ssize_t len;
	pid_t pid;
	int status, err, i;

	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len < 0)
		return -1;
	self[len] = '\0';
	margs[0] = "make";
	margs[1] = "-k";
	margs[2] = "-s";
	margs[3] = xstrfmt("-j%d", jobs > 0 ? jobs : 1);
	margs[4] = "-C";
	margs[5] = (char *)kdir;
	margs[6] = xstrfmt("M=%s", mdir);
	margs[7] = xstrfmt("cmd_cc_o_c=%s scan " RECORD_OPT "%s $(srctree) $(c_flags) -c -o $@ $<",
			   self, rec);
	/* under M= kbuild builds modules only (KBUILD_BUILTIN is empty);
	 * with it set, the M= directory and every directory its obj-y
	 * lists also build their built-in objects (need-builtin=1) */
	margs[8] = "KBUILD_BUILTIN=1";
	margs[9] = "modules";
	margs[10] = NULL;
	env = make_environ();
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, log,
					 O_WRONLY | O_CREAT | O_TRUNC, 0644);
	err = posix_spawnp(&pid, "make", &fa, NULL, margs, env);
	posix_spawn_file_actions_destroy(&fa);
	free(env);
	for (i = 3; i <= 7; i += (i == 3 ? 3 : 1))
		free(margs[i]);
	free(mdir);
	if (err)
		return -1;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

static int cmp_job(const void *a, const void *b)
{
	return strcmp(((const struct compile_job *)a)->file,
		      ((const struct compile_job *)b)->file);
}

/* ------------------------------------------------------------ the scan */

/*
 * Run make on a mirror of kp->top in tmp (kp's parents, then DIR) and read
 * back the records of DIR's files into out.  0, or -1 when make could not
 * be run; *log is make's stderr.
 */
static int ask_kbuild(const char *kreal, const struct kb_parents *kp,
		      int jobs, const char *tmp, struct job_list *out,
		      char **log)
{
	char *root = xstrfmt("%s/root", tmp), *rec = xstrfmt("%s/records", tmp);
	char *mirror = xstrfmt("%s%s", root, kp->top);
	char *dmirror = *kp->rel ? xstrfmt("%s/%s", mirror, kp->rel) :
				   xstrdup(mirror);
	struct strvec cfiles;
	struct tree_walk w;
	struct dirent **ents;
	int n, ret = -1;
	size_t i;

	strvec_init(&cfiles);
	*log = xstrfmt("%s/make.log", tmp);
	if (mkdir(tmp, 0755) || mkdir(root, 0755) || mkdir(rec, 0755) ||
	    mirror_ancestors(root, kp->top) ||
	    kb_parents_mirror(kp, mirror) ||
	    (mkdir(dmirror, 0755) && errno != EEXIST))
		goto out;
	memset(&w, 0, sizeof(w));
	w.root = kp->dir;
	w.mirror = dmirror;
	w.cfiles = &cfiles;
	walk(&w, "");
	if (w.err || run_make(kreal, mirror, rec, jobs, *log))
		goto out;
	n = scandir(rec, &ents, NULL, alphasort);
	for (i = 0; n > 0 && i < (size_t)n; i++) {
		if (ents[i]->d_name[0] != '.') {
			char *p = xstrfmt("%s/%s", rec, ents[i]->d_name);

			kb_read_record(p, root, kp->dir, out);
			free(p);
		}
		free(ents[i]);
	}
	if (n > 0)
		free(ents);
	ret = 0;
out:
	strvec_clear(&cfiles);
	free(root);
	free(mirror);
	free(rec);
	free(dmirror);
	return ret;
}

int fe_jobs_from_kbuild_dir(const char *kdir, const char *dir, int jobs,
			    struct job_list *out, struct strvec *unbuilt)
{
	struct strvec cfiles, pstamp;
	struct tree_walk w;
	struct kb_parents kp, alone;
	char *real = realpath(dir, NULL), *kreal = realpath(kdir, NULL);
	char *tmp = NULL, *sub = NULL, *log = NULL;
	char *cache = NULL, *stamp = NULL;
	const char *tmpdir = getenv("TMPDIR");
	size_t i, k;
	int ret = -1;

	strvec_init(&cfiles);
	strvec_init(&pstamp);
	memset(&kp, 0, sizeof(kp));
	if (!real || !kb_is_dir(real)) {
		fprintf(stderr, "kmemlint: %s: not a directory\n", dir);
		goto out;
	}
	if (!kreal) {
		fprintf(stderr, "kmemlint: %s: %s\n", kdir, strerror(errno));
		goto out;
	}
	kb_parents_find(real, &kp);
	memset(&w, 0, sizeof(w));
	w.root = real;
	w.cfiles = &cfiles;
	w.stamp = 0xcbf29ce484222325ULL;
	walk(&w, "");
	kb_parents_stamp(&kp, &pstamp);
	for (i = 0; i < pstamp.n; i++)
		w.stamp = fnv_add(w.stamp, pstamp.v[i]);
	stamp = kb_tree_stamp(kreal, w.stamp);
	cache = kb_cache_file(real, kreal);
	if (cache && !kb_cache_load(cache, stamp, out))
		goto listed;
	job_list_free(out);

	if (!tmpdir || !*tmpdir || strchr(tmpdir, ' '))
		tmpdir = "/tmp";
	tmp = xstrfmt("%s/kmemlint-scan-XXXXXX", tmpdir);
	if (!mkdtemp(tmp)) {
		fprintf(stderr, "kmemlint: %s: %s\n", tmp, strerror(errno));
		goto out;
	}
	sub = xstrfmt("%s/1", tmp);
	if (ask_kbuild(kreal, &kp, jobs, sub, out, &log)) {
		fprintf(stderr, "kmemlint: %s: could not run make to ask kbuild for the flags\n",
			dir);
		goto out;
	}
	if (!out->n && kp.dirs.n) {
		/* a parent's kbuild file kbuild could not read here (an
		 * include of the full source tree...): DIR alone */
		fprintf(stderr, "kmemlint: warning: %s: kbuild could not read the Makefiles of the directories above (%s); their subdir-ccflags-y is not applied\n",
			dir, kp.top);
		memset(&alone, 0, sizeof(alone));
		alone.dir = real;
		alone.top = real;
		alone.rel = "";
		strvec_init(&alone.dirs);
		free(sub);
		free(log);
		sub = xstrfmt("%s/2", tmp);
		if (ask_kbuild(kreal, &alone, jobs, sub, out, &log)) {
			fprintf(stderr, "kmemlint: %s: could not run make to ask kbuild for the flags\n",
				dir);
			goto out;
		}
	}
	if (!out->n) {
		struct strvec lines;

		strvec_init(&lines);
		fprintf(stderr, "kmemlint: %s: kbuild builds no C file here with the configuration of %s\n",
			dir, kdir);
		if (!fe_read_lines(log, &lines))
			for (i = lines.n > 10 ? lines.n - 10 : 0; i < lines.n; i++)
				/* modpost's vmlinux.o: KBUILD_BUILTIN=1
				 * under M=, always there, not the cause */
				if (!strstr(lines.v[i], "'vmlinux.o'"))
					fprintf(stderr, "kmemlint:   make: %s\n",
						lines.v[i]);
		strvec_clear(&lines);
		goto out;
	}
	qsort(out->v, out->n, sizeof(*out->v), cmp_job);
	if (cache)
		kb_cache_store(cache, stamp, out);
listed:
	/* the .c files kbuild does not build with this configuration */
	for (i = 0; unbuilt && i < cfiles.n; i++) {
		for (k = 0; k < out->n; k++)
			if (!strcmp(out->v[k].file, cfiles.v[i]))
				break;
		if (k == out->n)
			fe_push(unbuilt, cfiles.v[i]);
	}
	ret = 0;
out:
	if (tmp)
		nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	strvec_clear(&cfiles);
	strvec_clear(&pstamp);
	kb_parents_free(&kp);
	free(tmp);
	free(sub);
	free(log);
	free(cache);
	free(stamp);
	free(real);
	free(kreal);
	return ret;
}
