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
 * paths are mapped back afterwards.  KBUILD_BUILTIN=1: an M= build
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

static int run_make(const char *kdir, const char *mirror, const char *rec,
		    int jobs, const char *log)
{
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
	margs[6] = xstrfmt("M=%s", mirror);
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
	char *mirror = xstrfmt("%s/tree", tmp), *rec = xstrfmt("%s/records", tmp);
	char *dmirror = *kp->rel ? xstrfmt("%s/%s", mirror, kp->rel) :
				   xstrdup(mirror);
	struct strvec cfiles;
	struct tree_walk w;
	struct dirent **ents;
	int n, ret = -1;
	size_t i;

	strvec_init(&cfiles);
	*log = xstrfmt("%s/make.log", tmp);
	if (mkdir(tmp, 0755) || mkdir(mirror, 0755) || mkdir(rec, 0755) ||
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

			kb_read_record(p, mirror, kp->top, kp->dir, out);
			free(p);
		}
		free(ents[i]);
	}
	if (n > 0)
		free(ents);
	ret = 0;
out:
	strvec_clear(&cfiles);
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
