// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint scan DIR: kbuild's answer (the jobs of kbuild.c) cached per DIR
 * and kernel, in $XDG_CACHE_HOME/kmemlint/scan-HASH.flags, until KDIR's
 * configuration or a Makefile of DIR or of its kbuild parents changes.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "kbuild.h"

#define CACHE_VERSION "kmemlint-scan-flags 6"	/* 2: the parents' kbuild files; 3: obj-y objects, the parents' objects in DIR; 4: trace include dirs; 5: the source tree's include/; 6: what a module takes from beside DIR */

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

char *kb_cache_file(const char *real, const char *kdir)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	uint64_t h = fnv_add(fnv_add(0xcbf29ce484222325ULL, real), kdir);

	if (xdg && *xdg == '/')
		return xstrfmt("%s/kmemlint/scan-%016llx.flags", xdg,
			       (unsigned long long)h);
	if (home && *home)
		return xstrfmt("%s/.cache/kmemlint/scan-%016llx.flags", home,
			       (unsigned long long)h);
	return NULL;
}

char *kb_tree_stamp(const char *kdir, uint64_t walk_stamp)
{
	char *conf = xstrfmt("%s/include/config/auto.conf", kdir);
	struct stat st;
	char *s;

	if (stat(conf, &st))
		memset(&st, 0, sizeof(st));
	s = xstrfmt("kdir %s auto.conf %lld.%09ld tree %016llx", kdir,
		    (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
		    (unsigned long long)walk_stamp);
	free(conf);
	return s;
}

/* "J file", "D dir", "A arg"... after the version and stamp lines */
int kb_cache_load(const char *path, const char *stamp,
		      struct job_list *out)
{
	struct strvec lines;
	struct compile_job *job = NULL;
	size_t i;
	int ret = -1;

	strvec_init(&lines);
	if (fe_read_lines(path, &lines) || lines.n < 2 ||
	    strcmp(lines.v[0], CACHE_VERSION) || strcmp(lines.v[1], stamp))
		goto out;
	for (i = 2; i + 1 < lines.n; i++) {
		if (starts_with(lines.v[i], "J ") &&
		    starts_with(lines.v[i + 1], "D ")) {
			job = job_list_add(out, lines.v[i] + 2,
					   lines.v[i + 1] + 2);
			i++;
		} else if (starts_with(lines.v[i], "A ") && job) {
			fe_push(&job->args, lines.v[i] + 2);
		}
	}
	if (i < lines.n && starts_with(lines.v[i], "A ") && job)
		fe_push(&job->args, lines.v[i] + 2);
	ret = 0;
out:
	strvec_clear(&lines);
	return ret;
}

void kb_cache_store(const char *path, const char *stamp,
			const struct job_list *jl)
{
	char *dir = xstrdup(path), *tmp, *p;
	size_t i, k;
	FILE *f;
	int fd;

	*strrchr(dir, '/') = '\0';
	for (p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0755);
			*p = '/';
		}
	mkdir(dir, 0755);
	free(dir);
	tmp = xstrfmt("%s.XXXXXX", path);
	fd = mkstemp(tmp);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		free(tmp);
		return;
	}
	fprintf(f, "%s\n%s\n", CACHE_VERSION, stamp);
	for (i = 0; i < jl->n; i++) {
		fprintf(f, "J %s\nD %s\n", jl->v[i].file, jl->v[i].dir);
		for (k = 0; k < jl->v[i].args.n; k++)
			fprintf(f, "A %s\n", jl->v[i].args.v[k]);
	}
	if (fclose(f) || rename(tmp, path))
		unlink(tmp);
	free(tmp);
}

