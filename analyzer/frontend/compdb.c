// SPDX-License-Identifier: GPL-2.0
/*
 * The second way in: compile_commands.json, read with libclang's
 * compilation-database API.  A kernel's database holds gcc's flags, so each
 * entry goes through the same translation as kbuild's CHECK argv.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* realpath(p, NULL) */
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <clang-c/CXCompilationDatabase.h>

#include "internal.h"

/* realpath of file, taken relative to dir when it is relative. */
static char *resolve_in(const char *dir, const char *file)
{
	char *joined, *res;

	if (file[0] == '/' || !dir)
		return realpath(file, NULL);
	joined = xstrfmt("%s/%s", dir, file);
	res = realpath(joined, NULL);
	free(joined);
	return res;
}

static char *cxstr(CXString s)
{
	const char *c = clang_getCString(s);
	char *copy = xstrdup(c ? c : "");

	clang_disposeString(s);
	return copy;
}

/*
 * One database entry as a job: argv[0] (the compiler) and the source file
 * are skipped, the rest goes through the kbuild translation.
 */
static void add_compdb_job(CXCompileCommand cmd, const char *dir,
			   const char *file, const char *file_real,
			   struct job_list *out)
{
	unsigned i, n = clang_CompileCommand_getNumArgs(cmd);
	struct compile_job *job = job_list_add(out, file, dir);
	struct strvec raw;

	strvec_init(&raw);
	for (i = 1; i < n; i++) {
		char *arg = cxstr(clang_CompileCommand_getArg(cmd, i));
		char *real = NULL;

		if (!strcmp(arg, file) ||
		    (arg[0] != '-' && ends_with(arg, ".c") &&
		     (real = resolve_in(dir, arg)) && file_real &&
		     !strcmp(real, file_real))) {
			free(real);
			free(arg);
			continue;
		}
		free(real);
		fe_push(&raw, arg);
		free(arg);
	}
	/* no file list: other .c words (there should be none) are ignored */
	fe_translate_flags((int)raw.n, raw.v, &job->args, NULL);
	strvec_clear(&raw);
}

static char *compdb_dir(const char *path)
{
	struct stat st;
	char *dir, *slash;

	if (stat(path, &st)) {
		fprintf(stderr, "kmemlint: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode))
		return xstrdup(path);
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return xstrdup(".");
	}
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

struct compdb_entry {
	CXCompileCommand cmd;
	char *dir;
	char *file;
	char *real;	/* NULL if the file does not exist */
};

int fe_jobs_from_compdb(const char *path, char **files, int nfiles,
			struct job_list *out)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	struct compdb_entry *ents;
	unsigned i, n;
	char *dir;
	int f, ret = 0;

	dir = compdb_dir(path);
	if (!dir)
		return -1;
	db = clang_CompilationDatabase_fromDirectory(dir, &err);
	if (err != CXCompilationDatabase_NoError || !db) {
		fprintf(stderr, "kmemlint: %s: cannot load compile_commands.json\n",
			dir);
		free(dir);
		return -1;
	}
	free(dir);
	cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	ents = xcalloc(n ? n : 1, sizeof(*ents));
	for (i = 0; i < n; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);

		ents[i].cmd = cmd;
		ents[i].dir = cxstr(clang_CompileCommand_getDirectory(cmd));
		ents[i].file = cxstr(clang_CompileCommand_getFilename(cmd));
		ents[i].real = resolve_in(ents[i].dir, ents[i].file);
	}

	if (!nfiles) {
		for (i = 0; i < n; i++)
			if (ends_with(ents[i].file, ".c"))
				add_compdb_job(ents[i].cmd, ents[i].dir,
					       ents[i].file, ents[i].real, out);
		if (!out->n) {
			fprintf(stderr, "kmemlint: %s: no .c file in compile_commands.json\n",
				path);
			ret = -1;
		}
	}
	for (f = 0; f < nfiles; f++) {
		char *real = realpath(files[f], NULL);

		if (!real) {
			fprintf(stderr, "kmemlint: %s: %s\n", files[f],
				strerror(errno));
			ret = -1;
			continue;
		}
		for (i = 0; i < n; i++)
			if (ents[i].real && !strcmp(ents[i].real, real))
				break;
		if (i == n) {
			fprintf(stderr, "kmemlint: %s: not in compile_commands.json\n",
				files[f]);
			ret = -1;
		} else {
			add_compdb_job(ents[i].cmd, ents[i].dir, ents[i].file,
				       ents[i].real, out);
		}
		free(real);
	}

	for (i = 0; i < n; i++) {
		free(ents[i].dir);
		free(ents[i].file);
		free(ents[i].real);
	}
	free(ents);
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	clang_CompilationDatabase_dispose(db);
	return ret;
}
