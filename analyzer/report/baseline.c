// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "source.h"
#include "../util/strvec.h"

#define HEADER "# kmemlint baseline 1"

struct entry {
	char *key;		/* "rule\tfunction\tfingerprint" */
	bool used;
};

struct baseline {
	struct entry *v;
	size_t n;
};

static char *key_of(const struct finding *f)
{
	char fp[17];

	finding_fingerprint(f, fp);
	return xstrfmt("%s\t%s\t%s", f->rule, f->function, fp);
}

struct baseline *baseline_load(const char *path)
{
	struct baseline *b;
	char *line = NULL;
	size_t cap = 0, alloc = 0;
	ssize_t len;
	unsigned lineno = 0;
	FILE *f = fopen(path, "r");

	if (!f) {
		fprintf(stderr, "kmemlint: %s: cannot read baseline: %m\n", path);
		return NULL;
	}
	b = xcalloc(1, sizeof(*b));
	while ((len = getline(&line, &cap, f)) >= 0) {
		char *t1, *t2, *t3;

		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (lineno == 1 && strcmp(line, HEADER)) {
			fprintf(stderr, "kmemlint: %s: not a kmemlint baseline (the first line must be '%s')\n",
				path, HEADER);
			goto bad;
		}
		if (!len || line[0] == '#')
			continue;
		t1 = strchr(line, '\t');
		t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		t3 = t2 ? strchr(t2 + 1, '\t') : NULL;
		if (!t2 || (t3 ? t3 - t2 - 1 : (ssize_t)strlen(t2 + 1)) != 16) {
			fprintf(stderr, "kmemlint: %s:%u: not a baseline line (RULE, FUNCTION, FINGERPRINT, separated by tabs)\n",
				path, lineno);
			goto bad;
		}
		if (t3)
			*t3 = '\0';
		if (b->n == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			b->v = xrealloc(b->v, alloc * sizeof(*b->v));
		}
		b->v[b->n].key = xstrdup(line);
		b->v[b->n++].used = false;
	}
	if (!lineno) {
		fprintf(stderr, "kmemlint: %s: empty, not a kmemlint baseline\n",
			path);
		goto bad;
	}
	free(line);
	fclose(f);
	return b;
bad:
	free(line);
	fclose(f);
	baseline_free(b);
	return NULL;
}

bool baseline_match(struct baseline *b, const struct finding *f)
{
	char *key = key_of(f);
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (!b->v[i].used && !strcmp(b->v[i].key, key)) {
			b->v[i].used = true;
			free(key);
			return true;
		}
	}
	free(key);
	return false;
}

void baseline_free(struct baseline *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n; i++)
		free(b->v[i].key);
	free(b->v);
	free(b);
}

void baseline_write(FILE *out, const struct finding_list *fl, bool header)
{
	size_t i;

	if (header)
		fprintf(out, "%s\n", HEADER);
	for (i = 0; i < fl->n; i++) {
		const struct finding *f = &fl->v[i];
		char *key = key_of(f), *msg = xstrdup(f->message), *p;

		for (p = msg; *p; p++)
			if (*p == '\t' || *p == '\n')
				*p = ' ';
		fprintf(out, "%s\t%s:%u\t%s\n", key, f->file, f->line, msg);
		free(key);
		free(msg);
	}
}
