// SPDX-License-Identifier: GPL-2.0
/*
 * Job lists and the string-list helpers the front end's files share.
 * Running out of memory here is fatal (exit 2): a half-built argument list
 * would parse the file with the wrong flags.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* getline, vasprintf */
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "internal.h"

void job_list_init(struct job_list *jl)
{
	jl->v = NULL;
	jl->n = 0;
	jl->alloc = 0;
}

void job_list_free(struct job_list *jl)
{
	size_t i;

	for (i = 0; i < jl->n; i++) {
		free(jl->v[i].file);
		free(jl->v[i].dir);
		strvec_clear(&jl->v[i].args);
	}
	free(jl->v);
	job_list_init(jl);
}

/* Appends an empty job owning copies of file and dir. */
struct compile_job *job_list_add(struct job_list *jl, const char *file,
				 const char *dir)
{
	struct compile_job *job;

	if (jl->n == jl->alloc) {
		jl->alloc = jl->alloc ? jl->alloc * 2 : 8;
		jl->v = xrealloc(jl->v, jl->alloc * sizeof(*jl->v));
	}
	job = &jl->v[jl->n++];
	job->file = xstrdup(file);
	job->dir = xstrdup(dir);
	strvec_init(&job->args);
	return job;
}

void fe_push(struct strvec *sv, const char *s)
{
	if (strvec_push(sv, s)) {
		fputs("kmemlint: out of memory\n", stderr);
		exit(2);
	}
}

void fe_pushf(struct strvec *sv, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s) {
		fputs("kmemlint: out of memory\n", stderr);
		exit(2);
	}
	fe_push(sv, s);
	free(s);
}

void fe_push_all(struct strvec *dst, const struct strvec *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		fe_push(dst, src->v[i]);
}

/* Reads a file of lines; strips the newlines. */
int fe_read_lines(const char *path, struct strvec *lines)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f)
		return -1;
	while ((len = getline(&line, &cap, f)) >= 0) {
		if (len && line[len - 1] == '\n')
			line[len - 1] = '\0';
		fe_push(lines, line);
	}
	free(line);
	fclose(f);
	return 0;
}
