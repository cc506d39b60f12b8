// SPDX-License-Identifier: GPL-2.0
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diff.h"
#include "hook.h"

#define MARK "# installed by kmemlint install-hook"

/* 'it'\''s' */
static void sh_quote(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	}
	fputc('\'', f);
}

int install_hook(int argc, char **argv)
{
	char *argv_git[] = { "git", "rev-parse", "--git-path",
			     "hooks/pre-commit", NULL };
	char self[PATH_MAX], *hook;
	bool force = false;
	ssize_t n;
	FILE *f;
	int i;

	if (run_capture(argv_git, &hook)) {
		fprintf(stderr, "kmemlint install-hook: not in a git work tree\n");
		free(hook);
		return 2;
	}
	hook[strcspn(hook, "\n")] = '\0';
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0) {
		fprintf(stderr, "kmemlint install-hook: cannot find my own path\n");
		free(hook);
		return 2;
	}
	self[n] = '\0';
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--force"))
			force = true;
	if (!force && !access(hook, F_OK)) {
		char line[256] = "";

		f = fopen(hook, "r");
		if (f) {
			if (!fgets(line, sizeof(line), f) ||
			    !fgets(line, sizeof(line), f))
				line[0] = '\0';
			fclose(f);
		}
		if (strncmp(line, MARK, strlen(MARK))) {
			fprintf(stderr, "kmemlint install-hook: %s exists and is not kmemlint's; keeping it (--force replaces it)\n",
				hook);
			free(hook);
			return 2;
		}
	}
	f = fopen(hook, "w");
	if (!f) {
		fprintf(stderr, "kmemlint install-hook: %s: %m\n", hook);
		free(hook);
		return 2;
	}
	fprintf(f, "#!/bin/sh\n" MARK "\n"
		"# Refuses a commit whose staged lines of C files have findings.\n"
		"# Skip it once with: git commit --no-verify\n"
		"exec ");
	sh_quote(f, self);
	fputs(" --staged", f);
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--force"))
			continue;
		fputc(' ', f);
		sh_quote(f, argv[i]);
	}
	fputs("\n", f);
	if (fclose(f) || chmod(hook, 0755)) {
		fprintf(stderr, "kmemlint install-hook: %s: %m\n", hook);
		free(hook);
		return 2;
	}
	printf("kmemlint: installed %s\n", hook);
	free(hook);
	return 0;
}
