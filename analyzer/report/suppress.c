// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "source.h"
#include "suppress.h"
#include "../util/strvec.h"

#define TAG "kmemlint-ignore"

/* Is pos inside a comment of line s (after a // or an open / *)?  A
 * good enough test for one line: the tag is written in a comment. */
static bool in_comment(const char *s, const char *pos)
{
	const char *a = NULL, *p;

	for (p = s; p < pos; p++) {
		if (p[0] == '/' && p[1] == '/')
			return true;
		if (p[0] == '/' && p[1] == '*')
			a = p;
		if (a && p > a + 1 && p[0] == '/' && p[-1] == '*')
			a = NULL;
	}
	return a != NULL || !strstr(s, "/*");
}

static void add(struct suppress_set *set, const char *name, unsigned line,
		const char *rule, size_t rlen, const char *reason, size_t len)
{
	struct suppression *s;

	if (set->n == set->alloc) {
		set->alloc = set->alloc ? 2 * set->alloc : 16;
		set->v = xrealloc(set->v, set->alloc * sizeof(*set->v));
	}
	s = &set->v[set->n++];
	s->file = xstrdup(name);
	s->line = line;
	s->rule = strndup(rule, rlen);
	s->reason = strndup(reason, len);
	s->matched = 0;
}

void suppress_scan(struct suppress_set *set, const char *path,
		   const char *name)
{
	unsigned n = source_nlines(path), l;

	for (l = 1; l <= n; l++) {
		const char *s = source_line(path, l), *p, *r, *e;
		size_t rlen;
		char *rule;

		p = s ? strstr(s, TAG) : NULL;
		if (!p || !in_comment(s, p))
			continue;
		p += strlen(TAG);
		while (*p == ' ' || *p == '\t')
			p++;
		r = p;
		while (islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		       *p == '-')
			p++;
		rlen = (size_t)(p - r);
		rule = strndup(r, rlen);
		if (!rlen || !rule_find(rule)) {
			fprintf(stderr, "%s:%u: kmemlint-ignore: %s%s%s: write /* kmemlint-ignore RULE: reason */ with a rule id of --list-rules\n",
				name, l, rlen ? "unknown rule id '" : "no rule id",
				rlen ? rule : "", rlen ? "'" : "");
			free(rule);
			continue;
		}
		free(rule);
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == ':')
			p++;
		while (*p == ' ' || *p == '\t')
			p++;
		e = strstr(p, "*/");
		if (!e)
			e = p + strlen(p);
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e == p) {
			fprintf(stderr, "%s:%u: kmemlint-ignore %.*s: a reason is required (/* kmemlint-ignore %.*s: why it is not a bug */); nothing is suppressed\n",
				name, l, (int)rlen, r, (int)rlen, r);
			continue;
		}
		add(set, name, l, r, rlen, p, (size_t)(e - p));
	}
}

void suppress_apply(struct suppress_set *set, struct finding_list *fl)
{
	size_t i, j, k = 0;

	for (i = 0; i < fl->n; i++) {
		struct finding *f = &fl->v[i];
		bool hit = false;

		for (j = 0; j < set->n; j++) {
			struct suppression *s = &set->v[j];

			if (!strcmp(s->rule, f->rule) &&
			    !strcmp(s->file, f->file) &&
			    (s->line == f->line || s->line + 1 == f->line)) {
				s->matched++;
				hit = true;
			}
		}
		if (hit)
			finding_free(f);
		else
			fl->v[k++] = *f;
	}
	fl->n = k;
}

void suppress_free(struct suppress_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		free(set->v[i].file);
		free(set->v[i].rule);
		free(set->v[i].reason);
	}
	free(set->v);
	memset(set, 0, sizeof(*set));
}
