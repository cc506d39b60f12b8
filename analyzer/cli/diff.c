// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diff.h"

extern char **environ;

int run_capture(char *const argv[], char **out)
{
	posix_spawn_file_actions_t fa;
	int fd[2], status;
	size_t len = 0, cap = 4096;
	ssize_t got;
	pid_t pid;

	*out = NULL;
	if (pipe(fd))
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	posix_spawn_file_actions_addclose(&fa, fd[1]);
	errno = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	if (errno) {
		fprintf(stderr, "kmemlint: cannot run %s: %m\n", argv[0]);
		close(fd[0]);
		return -1;
	}
	*out = xmalloc(cap);
	while ((got = read(fd[0], *out + len, cap - len - 1)) > 0) {
		len += (size_t)got;
		if (cap - len < 2) {
			cap *= 2;
			*out = xrealloc(*out, cap);
		}
	}
	(*out)[len] = '\0';
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static struct diff_file *new_file(struct diff_set *d, const char *rel)
{
	struct diff_file *f;

	if (d->n == d->alloc) {
		d->alloc = d->alloc ? 2 * d->alloc : 16;
		d->v = xrealloc(d->v, d->alloc * sizeof(*d->v));
	}
	f = &d->v[d->n++];
	memset(f, 0, sizeof(*f));
	f->path = xstrfmt("%s/%s", d->top, rel);
	return f;
}

static void add_range(struct diff_file *f, unsigned lo, unsigned n)
{
	if (!n) {
		/* lines removed only, after line lo: the line that now
		 * follows them is the one the change touches (a removed
		 * NULL check leaves the use below it unchecked) */
		lo++;
		n = 1;
	}
	if (f->n == f->alloc) {
		f->alloc = f->alloc ? 2 * f->alloc : 8;
		f->lo = xrealloc(f->lo, f->alloc * sizeof(*f->lo));
		f->hi = xrealloc(f->hi, f->alloc * sizeof(*f->hi));
	}
	f->lo[f->n] = lo;
	f->hi[f->n++] = lo + n - 1;
}

/* "+++ b/path" then "@@ -a[,b] +c[,d] @@" lines */
static void parse(struct diff_set *d, char *text)
{
	struct diff_file *cur = NULL;
	char *line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "+++ ", 4)) {
			cur = NULL;
			if (!strncmp(line + 4, "b/", 2))
				cur = new_file(d, line + 6);
		} else if (cur && !strncmp(line, "@@ ", 3)) {
			char *plus = strstr(line, " +");
			unsigned long c, n = 1;
			char *end;

			if (!plus)
				continue;
			c = strtoul(plus + 2, &end, 10);
			if (*end == ',')
				n = strtoul(end + 1, NULL, 10);
			add_range(cur, (unsigned)c, (unsigned)n);
		}
	}
}

int diff_load(struct diff_set *d, const char *rev, bool staged)
{
	char *top_argv[] = { "git", "rev-parse", "--show-toplevel", NULL };
	char *argv[16], *out;
	int n = 0, st;

	memset(d, 0, sizeof(*d));
	st = run_capture(top_argv, &out);
	if (st) {
		fprintf(stderr, "kmemlint: --diff/--staged: not in a git work tree\n");
		free(out);
		return -1;
	}
	out[strcspn(out, "\n")] = '\0';
	d->top = out;
	argv[n++] = "git";
	argv[n++] = "-c";
	argv[n++] = "core.quotePath=false";
	argv[n++] = "diff";
	argv[n++] = "-U0";
	argv[n++] = "--no-color";
	argv[n++] = "--no-ext-diff";
	argv[n++] = "--no-renames";
	argv[n++] = "--diff-filter=AM";
	if (staged)
		argv[n++] = "--cached";
	if (rev)
		argv[n++] = (char *)rev;
	argv[n++] = "--";
	argv[n] = NULL;
	st = run_capture(argv, &out);
	if (st) {
		fprintf(stderr, "kmemlint: git diff%s%s failed (exit %d)\n",
			rev ? " " : "", rev ? rev : "", st);
		free(out);
		return -1;
	}
	parse(d, out);
	free(out);
	return 0;
}

bool diff_covers(const struct diff_set *d, const char *file, unsigned line)
{
	char real[PATH_MAX];
	int i, j;

	if (!realpath(file, real))
		return false;
	for (i = 0; i < d->n; i++) {
		char rp[PATH_MAX];

		if (strcmp(d->v[i].path, real) &&
		    (!realpath(d->v[i].path, rp) || strcmp(rp, real)))
			continue;
		for (j = 0; j < d->v[i].n; j++)
			if (line >= d->v[i].lo[j] && line <= d->v[i].hi[j])
				return true;
	}
	return false;
}

void diff_c_files(const struct diff_set *d, struct strvec *out)
{
	int i;

	for (i = 0; i < d->n; i++) {
		size_t n = strlen(d->v[i].path);

		if (n > 2 && !strcmp(d->v[i].path + n - 2, ".c") &&
		    !access(d->v[i].path, R_OK))
			strvec_push(out, d->v[i].path);
	}
}

void diff_free(struct diff_set *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].path);
		free(d->v[i].lo);
		free(d->v[i].hi);
	}
	free(d->v);
	free(d->top);
	memset(d, 0, sizeof(*d));
}
