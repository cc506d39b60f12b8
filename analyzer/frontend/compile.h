/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_COMPILE_H
#define KML_COMPILE_H

/*
 * Compile commands: where every analysed file gets the exact flags the
 * kernel builds it with.  Three sources: a compiler command line as kbuild
 * passes it to a CHECK program (Sparse-compatible), a compile_commands.json,
 * or --kdir (the flags kbuild uses for an external module).
 */

#include "../util/strvec.h"

struct compile_job {
	char *file;		/* source file, as given or as in the database */
	char *dir;		/* directory the flags and file are relative to */
	struct strvec args;	/* clang arguments: no source file, no -c/-o */
};

struct job_list {
	struct compile_job *v;
	size_t n;
	size_t alloc;
};

void job_list_init(struct job_list *jl);
void job_list_free(struct job_list *jl);

/*
 * kbuild CHECK mode: argv is "$(CHECKFLAGS) <gcc flags> file.c" run from
 * $KDIR.  gcc and Sparse flags are translated for clang; unknown flags are
 * dropped, never fatal.  dir is the current directory.
 * Returns 0, or -1 after printing an error naming the problem.
 */
int fe_jobs_from_cmdline(int argc, char **argv, struct job_list *out);

/*
 * The translation behind all three: gcc/Sparse words to clang flags,
 * appended to args (with the trailing -Wno-error=implicit-* pair).  Source
 * files (*.c words) are appended to files when it is not NULL.  The table
 * is in flags.c and docs/compile-commands.md.  Returns 0.
 */
int fe_translate_flags(int argc, char **argv, struct strvec *args,
		       struct strvec *files);

/* compile_commands.json (path to the file or to its directory). */
int fe_jobs_from_compdb(const char *path, char **files, int nfiles,
			struct job_list *out);

/* Flags kbuild would use to build each file as an external module. */
int fe_jobs_from_kdir(const char *kdir, char **files, int nfiles,
		      struct job_list *out);

/* Newest /usr/src/linux-headers-*-amd64 (or $KDIR if set). 0 or -1. */
int fe_find_kdir(char *buf, size_t len);

/*
 * Hidden helper mode used by fe_jobs_from_kdir to ask kbuild itself: when
 * argv[1] is "--kbuild-dump-args=FILE", write the rest of argv and the cwd
 * to FILE and return 1 (main exits 0).  Returns 0 otherwise.
 */
int fe_dump_args_mode(int argc, char **argv);

#endif
