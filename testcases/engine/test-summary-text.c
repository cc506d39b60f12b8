// SPDX-License-Identifier: GPL-2.0
/*
 * The text form of summaries reads back: every `fact` line of a
 * --dump-summaries output (argv[1]) is parsed into a summary and written
 * again, and the result must be the same text.  This is the form the
 * batch scan's database stores.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkers/checkers.h"
#include "engine/engine_impl.h"
#include "util/strvec.h"

static int check_one(struct summary *s, const char *text, int *nfacts)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int ret = 0;

	summary_write(mem, s);
	fclose(mem);
	if (strcmp(buf, text)) {
		fprintf(stderr, "round trip differs for %s:\n--- read\n%s--- written\n%s",
			s->key, text, buf);
		ret = 1;
	}
	*nfacts += s->facts.n;
	free(buf);
	summary_free(s);
	return ret;
}

int main(int argc, char **argv)
{
	struct summary s;
	struct strvec text;
	char line[8192], *cur = NULL;
	FILE *f;
	int i, failed = 0, nsum = 0, nfacts = 0;

	if (argc != 2 || !(f = fopen(argv[1], "r"))) {
		fprintf(stderr, "usage: test-summary-text DUMP\n");
		return 2;
	}
	facts_init();
	for (i = 0; i < nr_checkers; i++)
		if (all_checkers[i]->init)
			all_checkers[i]->init();
	memset(&s, 0, sizeof(s));
	strvec_init(&text);
	while (fgets(line, sizeof(line), f)) {
		char *key, *end;

		if (strncmp(line, "fact\t", 5))
			continue;
		key = line + 5;
		end = strchr(key, '\t');
		if (!end)
			return 2;
		if (cur && (strncmp(cur, key, end - key) || cur[end - key])) {
			char *all = xstrdup("");
			size_t k;

			for (k = 0; k < text.n; k++) {
				char *n = xstrfmt("%s%s", all, text.v[k]);

				free(all);
				all = n;
			}
			failed += check_one(&s, all, &nfacts);
			nsum++;
			free(all);
			strvec_clear(&text);
			memset(&s, 0, sizeof(s));
		}
		free(cur);
		cur = xstrfmt("%.*s", (int)(end - key), key);
		if (summary_parse_line(line, &s)) {
			fprintf(stderr, "cannot parse: %s", line);
			failed++;
		}
		strvec_push(&text, line);
	}
	if (cur) {
		char *all = xstrdup("");
		size_t k;

		for (k = 0; k < text.n; k++) {
			char *n = xstrfmt("%s%s", all, text.v[k]);

			free(all);
			all = n;
		}
		failed += check_one(&s, all, &nfacts);
		nsum++;
		free(all);
	}
	free(cur);
	strvec_clear(&text);
	fclose(f);
	printf("%d summaries, %d facts read back; %d passed, %d failed\n", nsum,
	       nfacts, failed ? 0 : 1, failed ? 1 : 0);
	return failed ? 1 : (nsum ? 0 : 1);
}
