/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_FE_INTERNAL_H
#define KML_FE_INTERNAL_H

/*
 * What the front end's files share with each other and nobody else; the
 * interface is compile.h.
 *
 *   jobs.c     job and string lists
 *   flags.c    gcc/Sparse -> clang translation, kbuild's CHECK argv
 *   compdb.c   compile_commands.json
 *   probe.c    --kdir: asking kbuild (and the dump mode it runs us in),
 *              the header-layout fallback
 *   kdir.c     --kdir: finding KDIR, the cache, one job per file
 */

#include <string.h>
#include <unistd.h>

#include "compile.h"

/* jobs.c.  Out of memory is fatal (exit 2), as in the x* helpers. */
struct compile_job *job_list_add(struct job_list *jl, const char *file,
				 const char *dir);
void fe_push(struct strvec *sv, const char *s);
void fe_pushf(struct strvec *sv, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void fe_push_all(struct strvec *dst, const struct strvec *src);
int fe_read_lines(const char *path, struct strvec *lines);

/* flags.c: the -Wno-error=implicit-* pair every translation ends with. */
void fe_push_tail(struct strvec *sv);

/* The flags kbuild gives the probe module, and the dir they are for. */
struct kdir_flags {
	char *dir;
	struct strvec args;
};

/* probe.c: 0 with kf filled, or -1 (kbuild could not be asked). */
int fe_ask_kbuild(const char *kdir, struct kdir_flags *kf);
/* probe.c: the fallback when kbuild cannot be asked; never fails. */
void fe_derive_from_layout(const char *kdir, struct kdir_flags *kf);

static inline int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static inline int ends_with(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && !strcmp(s + ls - lx, suffix);
}

static inline int file_exists(const char *path)
{
	return !access(path, F_OK);
}

#endif
