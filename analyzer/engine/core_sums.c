// SPDX-License-Identifier: GPL-2.0
/*
 * The core kernel's summaries (core_sums.h): one block of record lines
 * per function name, kept as text and parsed by summary_io.c when a unit
 * first asks for the name, like a record of the scan's database.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core_sums.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

static struct hmap sums;
static bool inited;

static void add_block(const char *name, const char *text, size_t len)
{
	char *t;

	if (hmap_get(&sums, name))
		return;		/* the first file that has it wins */
	t = xcalloc(1, len + 1);
	memcpy(t, text, len);
	hmap_put(&sums, name, t);
}

int core_sums_load_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *name = NULL, *block = NULL;
	size_t cap = 0, blen = 0;
	ssize_t n;
	unsigned lineno = 0;
	int ret = 0;

	if (!inited) {
		hmap_init(&sums);
		inited = true;
	}
	if (!f) {
		fprintf(stderr, "kmemlint: %s: cannot open: %s\n", path,
			strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (!strncmp(line, "sum\t", 4)) {
			char *a = strchr(line + 4, '\t'), *b;

			b = a ? strchr(a + 1, '\t') : NULL;
			if (!b) {
				fprintf(stderr, "kmemlint: %s:%u: bad sum record\n",
					path, lineno);
				ret = -1;
				break;
			}
			if (name)
				add_block(name, block, blen);
			free(name);
			name = xcalloc(1, (size_t)(b - a));
			memcpy(name, a + 1, (size_t)(b - a - 1));
			blen = 0;
		} else if (strncmp(line, "fact\t", 5) || !name) {
			fprintf(stderr, "kmemlint: %s:%u: not a sum or fact record\n",
				path, lineno);
			ret = -1;
			break;
		}
		block = realloc(block, blen + (size_t)n + 1);
		if (!block)
			abort();
		memcpy(block + blen, line, (size_t)n);
		blen += (size_t)n;
	}
	if (!ret && name)
		add_block(name, block, blen);
	free(name);
	free(block);
	free(line);
	fclose(f);
	return ret;
}

char *core_sums_text(const char *name)
{
	const char *t = inited ? hmap_get(&sums, name) : NULL;

	return t ? xstrdup(t) : NULL;
}

int core_sums_count(void)
{
	return inited ? (int)sums.n : 0;
}

void core_sums_free(void)
{
	if (inited)
		hmap_free(&sums, free);
	inited = false;
}
