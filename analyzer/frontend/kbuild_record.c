// SPDX-License-Identifier: GPL-2.0
/*
 * `kmemlint scan DIR`: one record of the kbuild recorder (kbuild.c) read
 * back as a compile job.  The words were seen in the mirror of DIR: they
 * are mapped back to the real tree, a -I of $(srctree)/drivers/foo is
 * looked for in DIR and its parents, and the include directories a
 * define_trace.h header needs (TRACE_INCLUDE_PATH) are added.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "kbuild.h"

static char *map_mirror(const char *arg, const char *mirror, const char *real)
{
	const char *p = strstr(arg, mirror);
	size_t ml = strlen(mirror);

	if (!p || (p[ml] && p[ml] != '/'))
		return xstrdup(arg);
	/* "$(srctree)/$(src)/x" becomes the real dir: drop what precedes */
	if (p != arg && arg[0] != '-')
		return xstrfmt("%s%s", real, p + ml);
	if (p != arg) {
		/* the flag ("-I", "-DKBUILD_MODFILE=\"" of a built-in
		 * object) without what precedes the mirror ($(srctree)/) */
		size_t flag = strspn(arg, "-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_=\"");
		return xstrfmt("%.*s%s%s", (int)flag, arg, real, p + ml);
	}
	return xstrfmt("%s%s", real, p + ml);
}

/* The nearest of start and its ancestors that holds rel (a directory
 * when want_dir, else any file), or NULL. */
static char *find_upward(const char *start, const char *rel, bool want_dir)
{
	char *anc = xstrdup(start), *slash, *cand;
	bool hit;

	for (;;) {
		cand = xstrfmt("%s/%s", anc, rel);
		hit = want_dir ? kb_is_dir(cand) : !access(cand, F_OK);
		free(cand);
		if (hit)
			return anc;
		slash = strrchr(anc, '/');
		if (!slash || slash == anc)
			break;
		*slash = '\0';
	}
	free(anc);
	return NULL;
}

/* -I$(srctree)/drivers/x of an in-tree Makefile, when the headers' tree
 * has no drivers/x: the same path in DIR or one of its parents. */
static char *map_srctree(const char *path, const char *srctree,
			 const char *real)
{
	size_t sl = strlen(srctree);
	const char *rel;
	char *anc, *cand;

	if (strncmp(path, srctree, sl) || path[sl] != '/' || kb_is_dir(path))
		return NULL;
	rel = path + sl;
	while (*rel == '/')
		rel++;
	if (!*rel)
		return NULL;
	anc = find_upward(real, rel, true);
	if (!anc)
		return NULL;
	cand = xstrfmt("%s/%s", anc, rel);
	free(anc);
	return cand;
}

static bool takes_path(const char *a)
{
	return !strcmp(a, "-I") || !strcmp(a, "-iquote") ||
	       !strcmp(a, "-isystem") || !strcmp(a, "-idirafter");
}

static void fix_srctree(struct strvec *args, const char *srctree,
			const char *real)
{
	size_t i;

	for (i = 0; i < args->n; i++) {
		char *a = args->v[i], *m = NULL;

		if (takes_path(a) && i + 1 < args->n) {
			m = map_srctree(args->v[i + 1], srctree, real);
			if (m) {
				free(args->v[i + 1]);
				args->v[i + 1] = m;
			}
			i++;
		} else if (starts_with(a, "-I") && a[2]) {
			m = map_srctree(a + 2, srctree, real);
			if (m) {
				args->v[i] = xstrfmt("-I%s", m);
				free(a);
				free(m);
			}
		}
	}
}

/*
 * A trace header names its own directory relative to where the kernel's
 * include/trace/define_trace.h sits (TRACE_INCLUDE_PATH
 * ../../drivers/net/hyperv; ../../../sound/soc/sof from
 * include/trace/events), or as `.` found through the -I $(srctree)/$(src)
 * of an out-of-tree build (ice).  The headers' tree has no drivers/ or
 * sound/ beside its include/, so those paths lead nowhere from the
 * kernel headers.  When the scanned tree is a kernel source tree (an
 * ancestor of the file holds include/trace/define_trace.h), the same
 * relative paths are looked up from its include/trace and
 * include/trace/events, and `.` from the file's directory, all after
 * every directory kbuild gave (-idirafter: nothing kbuild finds is
 * shadowed).  So is the tree's include/ itself, for a file that names a
 * header of another driver from there (intel_pstate.c's
 * "../drivers/thermal/intel/thermal_interrupt.h", found through
 * -I$(srctree)/include in a kernel build).
 */
static void trace_include_dirs(struct strvec *args, const char *file)
{
	char *dir = xstrdup(file), *slash, *top;

	slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return;
	}
	*slash = '\0';
	fe_push(args, "-idirafter");
	fe_push(args, dir);
	top = find_upward(dir, "include/trace/define_trace.h", false);
	if (top) {
		char *t = xstrfmt("%s/include/trace", top);
		char *e = xstrfmt("%s/include/trace/events", top);
		char *i = xstrfmt("%s/include", top);

		fe_push(args, "-idirafter");
		fe_push(args, t);
		fe_push(args, "-idirafter");
		fe_push(args, e);
		fe_push(args, "-idirafter");
		fe_push(args, i);
		free(t);
		free(e);
		free(i);
		free(top);
	}
	free(dir);
}

/* One record: cwd, srctree, then the compiler's words.  The mirror's
 * paths are root followed by the real ones. */
int kb_read_record(const char *path, const char *root, const char *real,
		   struct job_list *out)
{
	struct strvec lines, raw, files, args;
	char *file = NULL;
	size_t i;
	int ret = -1;

	strvec_init(&lines);
	strvec_init(&raw);
	strvec_init(&files);
	strvec_init(&args);
	if (fe_read_lines(path, &lines) || lines.n < 3)
		goto out;
	for (i = 2; i < lines.n; i++) {
		char *m = map_mirror(lines.v[i], root, "");

		fe_push(&raw, m);
		free(m);
	}
	fe_translate_flags((int)raw.n, raw.v, &args, &files);
	/* a source kbuild generated in the mirror (drivers/tty/vt's
	 * consolemap_deftbl.c, a _shipped copy): not a file of the tree;
	 * one of DIR's modules takes from beside DIR (amdgpu's
	 * $(src)/../pm/x.o) is a file of the scan, named without ".." */
	if (files.n != 1 || !strstr(files.v[0], "/") ||
	    !(file = realpath(files.v[0], NULL)))
		goto out;
	fix_srctree(&args, lines.v[1], real);
	trace_include_dirs(&args, file);
	fe_push_all(&job_list_add(out, file, lines.v[0])->args, &args);
	ret = 0;
out:
	free(file);
	strvec_clear(&lines);
	strvec_clear(&raw);
	strvec_clear(&files);
	strvec_clear(&args);
	return ret;
}
