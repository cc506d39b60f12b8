// SPDX-License-Identifier: GPL-2.0
/*
 * --kdir, part two: which KDIR (fe_find_kdir), the per-KDIR cache of the
 * probe's flags (see docs/compile-commands.md), and one job per file: the
 * probe's flags with the file's names, or, in a directory whose kbuild
 * files add flags, kbuild's own job for the file.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* strverscmp */
#endif
#include <errno.h>
#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "internal.h"
#include "kbuild.h"

/* Bump when the translation changes: old --kdir caches become stale. */
#define KDIR_CACHE_VERSION "kmemlint-kdir-cache 1"

static void kdir_flags_clear(struct kdir_flags *kf)
{
	free(kf->dir);
	kf->dir = NULL;
	strvec_clear(&kf->args);
}

/* ------------------------------------------------------------- cache */

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* mkdir -p; 0 if dir exists afterwards */
static int mkdirs(char *dir)
{
	char *p;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(dir, 0755) && errno != EEXIST)
		return -1;
	return 0;
}

static char *cache_path(const char *kdir_real)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *dir, *path;

	if (xdg && *xdg == '/')
		dir = xstrfmt("%s/kmemlint", xdg);
	else if (home && *home)
		dir = xstrfmt("%s/.cache/kmemlint", home);
	else
		return NULL;
	path = xstrfmt("%s/kdir-%016llx.args", dir,
		       (unsigned long long)fnv1a(kdir_real));
	free(dir);
	return path;
}

/* What invalidates a cache: the kernel configuration changed. */
static char *config_stamp(const char *kdir_real)
{
	char *conf = xstrfmt("%s/include/config/auto.conf", kdir_real);
	struct stat st;
	char *stamp = NULL;

	if (!stat(conf, &st))
		stamp = xstrfmt("auto.conf %lld.%09ld %lld",
				(long long)st.st_mtim.tv_sec,
				(long)st.st_mtim.tv_nsec,
				(long long)st.st_size);
	free(conf);
	return stamp;
}

/*
 * Cache file: version line, "kdir <path>", the auto.conf stamp,
 * "dir <path>", then one translated flag a line.
 */
static int cache_load(const char *path, const char *kdir_real,
		      const char *stamp, struct kdir_flags *kf)
{
	struct strvec lines;
	char *want_kdir;
	size_t i;
	int ret = -1;

	strvec_init(&lines);
	if (fe_read_lines(path, &lines) || lines.n < 5)
		goto out;
	want_kdir = xstrfmt("kdir %s", kdir_real);
	if (!strcmp(lines.v[0], KDIR_CACHE_VERSION) &&
	    !strcmp(lines.v[1], want_kdir) && !strcmp(lines.v[2], stamp) &&
	    starts_with(lines.v[3], "dir ")) {
		kf->dir = xstrdup(lines.v[3] + 4);
		for (i = 4; i < lines.n; i++)
			fe_push(&kf->args, lines.v[i]);
		ret = 0;
	}
	free(want_kdir);
out:
	strvec_clear(&lines);
	return ret;
}

/* Best effort: an unwritable cache dir means no cache, not an error. */
static void cache_store(const char *path, const char *kdir_real,
			const char *stamp, const struct kdir_flags *kf)
{
	char *dir = xstrdup(path);
	char *tmp = NULL;
	FILE *f = NULL;
	size_t i;
	int fd, bad = 0;

	*strrchr(dir, '/') = '\0';
	if (mkdirs(dir))
		goto out;
	tmp = xstrfmt("%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto out;
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		goto out;
	}
	fprintf(f, "%s\nkdir %s\n%s\ndir %s\n", KDIR_CACHE_VERSION,
		kdir_real, stamp, kf->dir);
	for (i = 0; i < kf->args.n; i++)
		fprintf(f, "%s\n", kf->args.v[i]);
	if (ferror(f))
		bad = 1;
	if (fclose(f) || bad || rename(tmp, path))
		unlink(tmp);
out:
	free(tmp);
	free(dir);
}

/* ---------------------------------------------------------------- kdir */

static int is_kdir(const char *kdir)
{
	char *conf = xstrfmt("%s/include/config/auto.conf", kdir);
	int ok = file_exists(conf);

	free(conf);
	return ok;
}

static int get_kdir_flags(const char *kdir_real, struct kdir_flags *kf)
{
	char *path = cache_path(kdir_real);
	char *stamp = config_stamp(kdir_real);

	if (path && stamp && !cache_load(path, kdir_real, stamp, kf))
		goto out;
	kdir_flags_clear(kf);
	if (!fe_ask_kbuild(kdir_real, kf)) {
		if (path && stamp)
			cache_store(path, kdir_real, stamp, kf);
		goto out;
	}
	kdir_flags_clear(kf);
	fprintf(stderr, "kmemlint: warning: %s: could not ask kbuild for the module flags, using the standard header layout\n",
		kdir_real);
	fe_derive_from_layout(kdir_real, kf);
out:
	free(path);
	free(stamp);
	return 0;
}

/* "my-drv.c" -> "my_drv": kbuild's name-fix (- and , become _) */
static char *module_name(const char *file)
{
	const char *base = strrchr(file, '/');
	char *name, *p;

	name = xstrdup(base ? base + 1 : file);
	if (ends_with(name, ".c"))
		name[strlen(name) - 2] = '\0';
	for (p = name; *p; p++)
		if (*p == '-' || *p == ',')
			*p = '_';
	return name;
}

/* Flags src (the probe's, or a sibling's), renamed for file (absolute). */
static void retarget(const struct strvec *src, const char *file,
		     struct strvec *args)
{
	char *name = module_name(file);
	char *dir = xstrdup(file);
	size_t i;

	for (i = 0; i < src->n; i++) {
		const char *a = src->v[i];

		if (starts_with(a, "-DKBUILD_BASENAME="))
			fe_pushf(args, "-DKBUILD_BASENAME=\"%s\"", name);
		else if (starts_with(a, "-DKBUILD_MODNAME="))
			fe_pushf(args, "-DKBUILD_MODNAME=\"%s\"", name);
		else if (starts_with(a, "-D__KBUILD_MODNAME="))
			fe_pushf(args, "-D__KBUILD_MODNAME=kmod_%s", name);
		else if (starts_with(a, "-DKBUILD_MODFILE="))
			fe_pushf(args, "-DKBUILD_MODFILE=\"%s\"", name);
		else
			fe_push(args, a);
	}
	/*
	 * kbuild adds no -I for an M= module (quoted includes find the
	 * file's own directory anyway); drivers usually add -I$(src)
	 * themselves in ccflags-y, so we do the same.
	 */
	*strrchr(dir, '/') = '\0';
	fe_pushf(args, "-I%s", *dir ? dir : "/");
	free(dir);
	free(name);
}

/*
 * A directory whose kbuild files add flags (ccflags-y, CFLAGS_file.o, a
 * parent's subdir-ccflags-y): the probe module's flags would miss them
 * (f_fs.c's "u_f.h" is found through ccflags-y), so kbuild is asked for
 * the directory as `kmemlint scan` asks it, once a run and cached across
 * runs (kbuild_cache.c).
 */
struct dir_answer {
	char *dir;
	struct job_list jl;	/* empty: use the probe's flags */
};

struct dir_answers {
	struct dir_answer *v;
	size_t n;
};

static const struct job_list *dir_jobs(const char *kdir_real,
				       const char *dir, struct dir_answers *da)
{
	struct dir_answer *a;
	long ncpu;
	size_t i;

	for (i = 0; i < da->n; i++)
		if (!strcmp(da->v[i].dir, dir))
			return &da->v[i].jl;
	da->v = xrealloc(da->v, (da->n + 1) * sizeof(*da->v));
	a = &da->v[da->n++];
	a->dir = xstrdup(dir);
	job_list_init(&a->jl);
	if (!kb_adds_flags(dir))
		return &a->jl;
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if (fe_jobs_from_kbuild_dir(kdir_real, dir, ncpu > 0 ? (int)ncpu : 1,
				    &a->jl, NULL)) {
		fprintf(stderr, "kmemlint: warning: %s: kbuild could not be asked for its flags, using an external module's\n",
			dir);
		job_list_free(&a->jl);
		job_list_init(&a->jl);
	}
	return &a->jl;
}

/* kbuild's job for file (real), else the first of its directory's (a file
 * this configuration does not build; *own is then 0), else NULL. */
static const struct compile_job *kbuild_job(const char *kdir_real,
					    const char *real,
					    struct dir_answers *da, int *own)
{
	const struct compile_job *sib = NULL;
	const struct job_list *jl;
	char *dir = xstrdup(real);
	size_t i, dl;

	*strrchr(dir, '/') = '\0';
	jl = dir_jobs(kdir_real, *dir ? dir : "/", da);
	dl = strlen(dir);
	for (i = 0; i < jl->n; i++) {
		const struct compile_job *j = &jl->v[i];
		char *path = j->file[0] == '/' ? xstrdup(j->file) :
			     xstrfmt("%s/%s", j->dir, j->file);
		int same = !strcmp(path, real);
		int sibling = !strncmp(path, dir, dl) && path[dl] == '/' &&
			      !strchr(path + dl + 1, '/');

		free(path);
		if (same) {
			free(dir);
			*own = 1;
			return j;
		}
		if (sibling && !sib)
			sib = j;
	}
	free(dir);
	*own = 0;
	return sib;
}

int fe_jobs_from_kdir(const char *kdir, char **files, int nfiles,
		      struct job_list *out)
{
	struct kdir_flags kf = { NULL, { NULL, 0, 0 } };
	struct dir_answers da = { NULL, 0 };
	char *kdir_real;
	size_t i;
	int f, ret = 0;

	kdir_real = realpath(kdir, NULL);
	if (!kdir_real || !is_kdir(kdir_real)) {
		fprintf(stderr, "kmemlint: %s: not a configured kernel build directory\n",
			kdir);
		free(kdir_real);
		return -1;
	}
	get_kdir_flags(kdir_real, &kf);
	for (f = 0; f < nfiles; f++) {
		char *real = realpath(files[f], NULL);
		const struct compile_job *kj;
		struct compile_job *job;
		int own;

		if (!real) {
			fprintf(stderr, "kmemlint: %s: %s\n", files[f],
				strerror(errno));
			ret = -1;
			continue;
		}
		kj = kbuild_job(kdir_real, real, &da, &own);
		job = job_list_add(out, real, kj ? kj->dir : kf.dir);
		if (kj && own)
			fe_push_all(&job->args, &kj->args);
		else
			retarget(kj ? &kj->args : &kf.args, real, &job->args);
		free(real);
	}
	for (i = 0; i < da.n; i++) {
		free(da.v[i].dir);
		job_list_free(&da.v[i].jl);
	}
	free(da.v);
	kdir_flags_clear(&kf);
	free(kdir_real);
	return ret;
}

static int set_kdir(char *buf, size_t len, const char *kdir)
{
	if (strlen(kdir) >= len) {
		fprintf(stderr, "kmemlint: %s: path too long\n", kdir);
		return -1;
	}
	strcpy(buf, kdir);
	return 0;
}

int fe_find_kdir(char *buf, size_t len)
{
	const char *env = getenv("KDIR");
	struct utsname u;
	char *best = NULL;
	glob_t g;
	size_t i;
	int ret;

	if (env && *env) {
		if (is_kdir(env))
			return set_kdir(buf, len, env);
		fprintf(stderr, "kmemlint: warning: KDIR=%s: not a configured kernel build directory, ignored\n",
			env);
	}
	if (!glob("/usr/src/linux-headers-*-amd64", 0, NULL, &g)) {
		for (i = 0; i < g.gl_pathc; i++)
			if (is_kdir(g.gl_pathv[i]) &&
			    (!best || strverscmp(g.gl_pathv[i], best) > 0))
				best = g.gl_pathv[i];
		ret = best ? set_kdir(buf, len, best) : -1;
		globfree(&g);
		if (best)
			return ret;
	}
	/* not Debian: the running kernel's build dir */
	if (!uname(&u)) {
		best = xstrfmt("/lib/modules/%s/build", u.release);
		ret = is_kdir(best) ? set_kdir(buf, len, best) : 1;
		free(best);
		if (ret <= 0)
			return ret;
	}
	fputs("kmemlint: no kernel headers found in /usr/src/linux-headers-*-amd64: install linux-headers-amd64, or set KDIR or --kdir to a configured kernel build directory\n",
	      stderr);
	return -1;
}
