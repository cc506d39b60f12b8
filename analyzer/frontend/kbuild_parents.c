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
 * nothing of the parent but the next directory down:
 *
 *   include /real/drivers/foo/Makefile
 *   obj-y :=
 *   obj-m := bar/
 *   ...
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

/* Does the kbuild file name child as a directory: "child/" as a word? */
static bool names_subdir(const char *kb, const char *child)
{
	struct strvec lines;
	size_t i, cl = strlen(child);
	bool hit = false;

	strvec_init(&lines);
	if (fe_read_lines(kb, &lines))
		return false;
	for (i = 0; !hit && i < lines.n; i++) {
		const char *l = lines.v[i], *p;

		if (l[strspn(l, " \t")] == '#')
			continue;
		for (p = strstr(l, child); p && !hit; p = strstr(p + 1, child))
			hit = p[cl] == '/' && (p == l || !name_char(p[-1]));
	}
	strvec_clear(&lines);
	return hit;
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

/* The parent's files (not its subdirectories) as symlinks, so that an
 * "include $(src)/x.mk" finds them, and the generated Kbuild. */
static int mirror_parent(const char *real, const char *m, const char *child)
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
		fprintf(f, "# kmemlint scan: %s for its subdir-ccflags-y; only %s/ is built\n",
			kb, child);
		fprintf(f, "include %s\n", kb);
		for (k = 0; k < sizeof(reset) / sizeof(reset[0]); k++)
			fprintf(f, "%s :=\n", reset[k]);
		fprintf(f, "obj-m := %s/\n", child);
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

		if (mirror_parent(real, m, strrchr(below, '/') + 1))
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
