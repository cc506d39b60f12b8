// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "source.h"
#include "../util/strvec.h"

struct src_file {
	char *path;
	char *text;		/* the lines, NUL-separated */
	char **lines;
	unsigned n;
	struct src_file *next;
};

static struct src_file *files;

static struct src_file *load(const char *path)
{
	struct src_file *s;
	FILE *f;
	size_t len = 0, cap = 0, i;
	char buf[65536];
	size_t got;

	for (s = files; s; s = s->next)
		if (!strcmp(s->path, path))
			return s;
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	s->next = files;
	files = s;
	f = fopen(path, "rb");
	if (!f)
		return s;
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (len + got + 1 > cap) {
			cap = (len + got + 1) * 2;
			s->text = xrealloc(s->text, cap);
		}
		memcpy(s->text + len, buf, got);
		len += got;
	}
	fclose(f);
	if (!s->text)
		return s;
	s->text[len] = '\0';
	for (i = 0; i < len; i++)
		if (s->text[i] == '\n')
			s->n++;
	if (len && s->text[len - 1] != '\n')
		s->n++;
	s->lines = xcalloc(s->n + 1, sizeof(*s->lines));
	s->n = 0;
	for (i = 0; i < len;) {
		size_t e = i;

		while (e < len && s->text[e] != '\n')
			e++;
		s->lines[s->n++] = s->text + i;
		if (e > i && s->text[e - 1] == '\r')
			s->text[e - 1] = '\0';
		if (e < len)
			s->text[e] = '\0';
		i = e + 1;
	}
	return s;
}

const char *source_line(const char *file, unsigned n)
{
	struct src_file *s = load(file);

	return n >= 1 && n <= s->n ? s->lines[n - 1] : NULL;
}

unsigned source_nlines(const char *file)
{
	return load(file)->n;
}

void source_cache_free(void)
{
	while (files) {
		struct src_file *s = files;

		files = s->next;
		free(s->path);
		free(s->text);
		free(s->lines);
		free(s);
	}
}

/* FNV-1a, 64 bits */
static uint64_t hash_str(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/*
 * The tokens of one line, separated by one space, into *h: white space
 * and comments (// and the parts of block comments on the line) are not
 * code.  *in_comment carries a block comment on.  Returns whether the
 * line had any token.
 */
static bool hash_line(uint64_t *h, const char *s, int *in_comment)
{
	bool space = false, any = false;

	while (*s) {
		if (*in_comment) {
			if (s[0] == '*' && s[1] == '/') {
				*in_comment = 0;
				s += 2;
				space = true;
			} else {
				s++;
			}
			continue;
		}
		if (s[0] == '/' && s[1] == '*') {
			*in_comment = 1;
			s += 2;
			continue;
		}
		if (s[0] == '/' && s[1] == '/')
			break;
		if (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\v') {
			space = true;
			s++;
			continue;
		}
		if (space && any)
			*h = hash_str(*h, " ", 1);
		space = false;
		any = true;
		*h = hash_str(*h, s, 1);
		s++;
	}
	*h = hash_str(*h, "\n", 1);
	return any;
}

/* The nearest line from l on, in direction step, that has code (at most
 * 8 lines away), hashed into *h. */
static void hash_neighbour(uint64_t *h, const char *file, unsigned l,
			   int step)
{
	int k;

	for (k = 0; k < 8 && l >= 1; k++, l += step) {
		const char *s = source_line(file, l);
		uint64_t t = *h;
		int c = 0;

		if (!s)
			return;
		if (hash_line(&t, s, &c)) {
			*h = t;
			return;
		}
	}
}

void finding_fingerprint(const struct finding *f, char *buf)
{
	uint64_t h = 14695981039346656037ULL;
	const char *s = source_line(f->file, f->line);
	int c = 0;

	h = hash_str(h, f->rule, strlen(f->rule) + 1);
	h = hash_str(h, f->function, strlen(f->function) + 1);
	if (f->line > 1)
		hash_neighbour(&h, f->file, f->line - 1, -1);
	if (s)
		hash_line(&h, s, &c);
	hash_neighbour(&h, f->file, f->line + 1, 1);
	snprintf(buf, 17, "%016llx", (unsigned long long)h);
}
