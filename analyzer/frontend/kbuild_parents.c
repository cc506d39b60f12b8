// SPDX-License-Identifier: GPL-2.0
/*
 * `kmemlint scan DIR` of a directory below others: the parents' kbuild
 * files (their subdir-ccflags-y), asked of kbuild itself.
 *
 * kbuild hands subdir-ccflags-y down the tree: Makefile.lib adds it to
 * KBUILD_CFLAGS, which every sub-make inherits.  A scan of
 * drivers/foo/bar alone would miss what drivers/foo/Makefile sets, so the
 * mirror kbuild is run on starts at the topmost parent whose kbuild file
 * descends into the directory below it.  Each parent of the mirror gets a
 * generated Kbuild (kbuild reads Kbuild before Makefile) that includes
 * the parent's real kbuild file, so kbuild evaluates its
 * subdir-ccflags-y with the kernel's configuration, and then builds
 * nothing of the parent but the next directory down, and the parent's own
 * objects that live in DIR (mlx5's core/Makefile lists
 * steering/dr_domain.o as a part of mlx5_core.o; steering/ has no
 * Makefile of its own):
 *
 *   include /real/drivers/foo/Makefile
 *   obj-y :=   (and the other lists kbuild builds from)
 *   ...
 *   obj-y := bar/ <the parent's obj-y objects in bar/>
 *   obj-m := <the parent's obj-m objects in bar/>
 *
 * A composite object (foo-y := a.o bar/b.o) is kept when it has parts in
 * DIR, cut down to those parts, so that kbuild compiles them as parts of
 * it: KBUILD_MODNAME is the composite's name and -DMODULE follows its list
 * (obj-m or obj-y), as in a build of the whole parent.  The next directory
 * down is listed in obj-y, which kbuild also puts in obj-m
 * (Makefile.lib): each directory of the chain, DIR included, is built with
 * need-builtin=1 and need-modorder=1, as the M= directory itself is, so
 * kbuild compiles DIR's obj-y objects as well as its modules (with
 * KBUILD_BUILTIN=1, kbuild.c).  DIR is not descended into when it has no
 * kbuild file: only the parents' objects are built there.
 *
 * A parent counts when it has a Kbuild or Makefile that names the child
 * as a directory ("bar/"); the kernel tree's root (scripts/Makefile.build)
 * never does.  The kbuild file is only looked at for that link; what it
 * sets is kbuild's business.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "kbuild.h"

#define MAX_PARENTS 32

static bool exists(const char *dir, const char *name, bool want_dir)
{
	char *p = xstrfmt("%s/%s", dir, name);
	struct stat st;
	bool ok = !stat(p, &st) &&
		  (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));

	free(p);
	return ok;
}

/* dir/Kbuild, else dir/Makefile, else NULL (malloc'ed) */
static char *kbuild_file(const char *dir)
{
	if (exists(dir, "Kbuild", false))
		return xstrfmt("%s/Kbuild", dir);
	if (exists(dir, "Makefile", false))
		return xstrfmt("%s/Makefile", dir);
	return NULL;
}

static bool kernel_root(const char *dir)
{
	return exists(dir, "scripts/Makefile.build", false) ||
	       (exists(dir, "arch", true) && exists(dir, "Kconfig", false));
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	       c == '/' || c == '$' || c == ')';
}

/* Does a line of the kbuild file kb, outside comments, match? */
static bool kbuild_any_line(const char *kb,
			    bool (*match)(const char *line, const void *arg),
			    const void *arg)
{
	struct strvec lines;
	bool hit = false;
	size_t i;

	strvec_init(&lines);
	if (!kb || fe_read_lines(kb, &lines))
		return false;
	for (i = 0; !hit && i < lines.n; i++)
		hit = lines.v[i][strspn(lines.v[i], " \t")] != '#' &&
		      match(lines.v[i], arg);
	strvec_clear(&lines);
	return hit;
}

/* "child/" as a word of the line */
static bool line_names_subdir(const char *l, const void *arg)
{
	const char *child = arg, *p;
	size_t cl = strlen(child);

	for (p = strstr(l, child); p; p = strstr(p + 1, child))
		if (p[cl] == '/' && (p == l || !name_char(p[-1])))
			return true;
	return false;
}

/* Does the kbuild file name child as a directory: "child/" as a word? */
static bool names_subdir(const char *kb, const char *child)
{
	return kbuild_any_line(kb, line_names_subdir, child);
}

void kb_parents_find(const char *real, struct kb_parents *kp)
{
	char *cur = xstrdup(real);
	struct strvec up;	/* nearest first */
	size_t i;

	memset(kp, 0, sizeof(*kp));
	strvec_init(&kp->dirs);
	strvec_init(&up);
	while (up.n < MAX_PARENTS) {
		char *slash = strrchr(cur, '/'), *parent, *kb;

		if (!slash || slash == cur)
			break;
		parent = xstrdup(cur);
		parent[slash - cur] = '\0';
		kb = kernel_root(parent) ? NULL : kbuild_file(parent);
		if (!kb || !names_subdir(kb, slash + 1)) {
			free(kb);
			free(parent);
			break;
		}
		free(kb);
		strvec_push(&up, parent);
		free(cur);
		cur = parent;
	}
	for (i = up.n; i > 0; i--)
		strvec_push(&kp->dirs, up.v[i - 1]);
	kp->dir = xstrdup(real);
	kp->top = xstrdup(kp->dirs.n ? kp->dirs.v[0] : real);
	kp->rel = xstrdup(kp->dirs.n ? real + strlen(kp->top) + 1 : "");
	strvec_clear(&up);
	free(cur);
}

void kb_parents_stamp(const struct kb_parents *kp, struct strvec *out)
{
	size_t i;

	for (i = 0; i < kp->dirs.n; i++) {
		char *kb = kbuild_file(kp->dirs.v[i]);
		struct stat st;

		if (kb && !stat(kb, &st))
			strvec_pushf(out, "%s %lld.%09ld %lld", kb,
				     (long long)st.st_mtim.tv_sec,
				     (long)st.st_mtim.tv_nsec,
				     (long long)st.st_size);
		free(kb);
	}
}

/* dir has a Kbuild or a Makefile */
static bool has_kbuild(const char *dir)
{
	char *kb = kbuild_file(dir);
	bool ok = kb != NULL;

	free(kb);
	return ok;
}

/*
 * The generated Kbuild's tail: what of the parent's lists lives in rel
 * (DIR relative to the parent), composites cut down to their parts in
 * rel; then the lists themselves.  kbuild's own suffixes: an obj-y
 * composite's parts are foo-objs and foo-y, an obj-m one's foo-m too.
 */
static void keep_objects(FILE *f, const char *rel, const char *child,
			 bool descend)
{
	fprintf(f, "kml-dir := %s\n", rel);
	fputs("kml-in = $(filter $(kml-dir)/%,$(1))\n"
	      "kml-parts = $(call kml-in,$(foreach s,$(2),$($(1:.o=$(s)))))\n"
	      "kml-keep = $(foreach o,$(filter %.o,$(1)),$(if $(call kml-in,$(o))$(call kml-parts,$(o),$(2)),$(o)))\n"
	      "kml-y := $(call kml-keep,$(obj-y),-objs -y)\n"
	      "kml-m := $(call kml-keep,$(filter-out $(obj-y),$(obj-m)),-objs -y -m)\n"
	      "kml-lib := $(call kml-in,$(lib-y) $(lib-m))\n"
	      "$(foreach o,$(kml-y) $(kml-m),$(foreach s,-objs -y -m,"
	      "$(eval $(o:.o=$(s)) := $(call kml-in,$($(o:.o=$(s)))))))\n",
	      f);
	fprintf(f, "obj-y := $(kml-y)%s%s%s\n", descend ? " " : "",
		descend ? child : "", descend ? "/" : "");
	fputs("obj-m := $(kml-m)\nlib-y := $(kml-lib)\nlib-m :=\n", f);
}

/* The parent's files (not its subdirectories) as symlinks, so that an
 * "include $(src)/x.mk" finds them, and the generated Kbuild. */
static int mirror_parent(const char *real, const char *m, const char *child,
			 const char *rel, bool descend)
{
	static const char *const reset[] = {
		"obj-y", "obj-", "lib-y", "lib-m", "always-y", "always-m",
		"extra-y", "targets", "subdir-y", "subdir-m", "hostprogs",
		"hostprogs-y", "hostprogs-m", "hostprogs-always-y",
		"hostprogs-always-m", "userprogs", "userprogs-always-y",
		"userprogs-always-m", "dtb-y", "dtb-", "header-test-y",
	};
	struct dirent **ents;
	char *kb = kbuild_file(real), *path;
	int n, i, err = 0;
	size_t k;
	FILE *f;

	if (!kb || (mkdir(m, 0755) && errno != EEXIST)) {
		free(kb);
		return -1;
	}
	n = scandir(real, &ents, NULL, alphasort);
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char *from = xstrfmt("%s/%s", real, name);
		struct stat st;

		if (name[0] != '.' && strcmp(name, "Kbuild") &&
		    !lstat(from, &st) && !S_ISDIR(st.st_mode)) {
			char *to = xstrfmt("%s/%s", m, name);

			if (symlink(from, to))
				err = -1;
			free(to);
		}
		free(from);
		free(ents[i]);
	}
	if (n > 0)
		free(ents);
	path = xstrfmt("%s/Kbuild", m);
	f = fopen(path, "w");
	if (f) {
		fprintf(f, "# kmemlint scan: %s for its subdir-ccflags-y and its objects in %s/; only those and %s/ are built\n",
			kb, rel, child);
		fprintf(f, "include %s\n", kb);
		/* what the parent lists, before the lists are emptied */
		keep_objects(f, rel, child, descend);
		for (k = 0; k < sizeof(reset) / sizeof(reset[0]); k++)
			if (strcmp(reset[k], "obj-y") && strcmp(reset[k], "lib-y") &&
			    strcmp(reset[k], "lib-m"))
				fprintf(f, "%s :=\n", reset[k]);
		if (fclose(f))
			err = -1;
	} else {
		err = -1;
	}
	free(path);
	free(kb);
	return err;
}

int kb_parents_mirror(const struct kb_parents *kp, const char *mirror)
{
	size_t i, tl = strlen(kp->top);
	int err = 0;

	for (i = 0; i < kp->dirs.n; i++) {
		const char *real = kp->dirs.v[i];
		/* the next directory down: a parent, or DIR itself */
		const char *below = i + 1 < kp->dirs.n ? kp->dirs.v[i + 1] :
							 kp->dir;
		char *m = xstrfmt("%s%s", mirror, real + tl);
		/* DIR relative to this parent */
		const char *rel = kp->dir + strlen(real) + 1;

		if (mirror_parent(real, m, strrchr(below, '/') + 1, rel,
				  has_kbuild(below)))
			err = -1;
		free(m);
	}
	return err;
}

void kb_parents_free(struct kb_parents *kp)
{
	strvec_clear(&kp->dirs);
	free(kp->dir);
	free(kp->top);
	free(kp->rel);
	memset(kp, 0, sizeof(*kp));
}

/* any of the words (a NULL-terminated list) in the line */
static bool line_says(const char *l, const void *arg)
{
	const char *const *w;

	for (w = arg; *w; w++)
		if (strstr(l, *w))
			return true;
	return false;
}

bool kb_adds_flags(const char *real)
{
	static const char *const own[] = {
		"ccflags", "CFLAGS_", "CPPFLAGS", "EXTRA_CFLAGS", NULL
	};
	static const char *const handed[] = { "subdir-ccflags", NULL };
	struct kb_parents kp;
	char *kb = kbuild_file(real);
	bool adds = kbuild_any_line(kb, line_says, own);
	size_t i;

	free(kb);
	if (adds)
		return true;
	kb_parents_find(real, &kp);
	for (i = 0; !adds && i < kp.dirs.n; i++) {
		kb = kbuild_file(kp.dirs.v[i]);
		adds = kbuild_any_line(kb, line_says, handed);
		free(kb);
	}
	kb_parents_free(&kp);
	return adds;
}
