// SPDX-License-Identifier: GPL-2.0
/*
 * Findings as records, one a line, for the batch scan: a worker process
 * hands its file's findings to the scan this way, and the summary database
 * keeps them for the files an incremental scan does not analyse again.
 *
 *   finding <file> <line> <col> <function> <rule> <confidence> <fix_old>
 *           <fix_new> <message>       (fix_old/fix_new empty: no fix)
 *   note <file> <line> <col> <message>        (the finding's notes, in order)
 *
 * Fields are separated by tabs; a tab, a newline or a backslash inside a
 * field is written \t, \n or \\.
 */
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "finding_io.h"
#include "../util/strvec.h"

void rec_put_str(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\\')
			fputs("\\\\", f);
		else
			fputc(*s, f);
	}
}

int rec_split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line, *w;

	if (!*line)
		return 0;
	for (;;) {
		if (n == max)
			return -1;
		fields[n++] = p;
		/* unescape in place up to the next tab */
		for (w = p; *p && *p != '\t' && *p != '\n'; p++) {
			if (*p == '\\' && p[1]) {
				p++;
				*w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
			} else {
				*w++ = *p;
			}
		}
		if (*p != '\t') {
			*w = '\0';
			return n;
		}
		*w = '\0';
		p++;
	}
}

void findings_write_recs(FILE *f, const struct finding_list *fl)
{
	size_t i;
	int k;

	for (i = 0; i < fl->n; i++) {
		const struct finding *x = &fl->v[i];

		fputs("finding\t", f);
		rec_put_str(f, x->file);
		fprintf(f, "\t%u\t%u\t", x->line, x->col);
		rec_put_str(f, x->function);
		fputc('\t', f);
		rec_put_str(f, x->rule);
		fprintf(f, "\t%s\t", confidence_name(x->confidence));
		rec_put_str(f, x->fix_old);
		fputc('\t', f);
		rec_put_str(f, x->fix_new);
		fputc('\t', f);
		rec_put_str(f, x->message);
		fputc('\n', f);
		for (k = 0; k < x->nnotes; k++) {
			fputs("note\t", f);
			rec_put_str(f, x->notes[k].file);
			fprintf(f, "\t%u\t%u\t", x->notes[k].line,
				x->notes[k].col);
			rec_put_str(f, x->notes[k].msg);
			fputc('\n', f);
		}
	}
}

int findings_read_rec(struct finding_list *fl, char **v, int n)
{
	struct finding f, *last;

	if (n == 10 && !strcmp(v[0], "finding")) {
		memset(&f, 0, sizeof(f));
		f.file = xstrdup(v[1]);
		f.line = (unsigned)strtoul(v[2], NULL, 10);
		f.col = (unsigned)strtoul(v[3], NULL, 10);
		f.function = xstrdup(v[4]);
		f.rule = xstrdup(v[5]);
		f.confidence = confidence_parse(v[6]) == CONF_MEDIUM ?
			       CONF_MEDIUM : CONF_HIGH;
		f.fix_old = *v[7] ? xstrdup(v[7]) : NULL;
		f.fix_new = *v[8] ? xstrdup(v[8]) : NULL;
		f.message = xstrdup(v[9]);
		findings_add(fl, &f);
		return 1;
	}
	if (n == 5 && !strcmp(v[0], "note") && fl->n) {
		last = &fl->v[fl->n - 1];
		last->notes = xrealloc(last->notes,
				       (last->nnotes + 1) * sizeof(*last->notes));
		last->notes[last->nnotes].file = xstrdup(v[1]);
		last->notes[last->nnotes].line = (unsigned)strtoul(v[2], NULL, 10);
		last->notes[last->nnotes].col = (unsigned)strtoul(v[3], NULL, 10);
		last->notes[last->nnotes].msg = xstrdup(v[4]);
		last->nnotes++;
		return 1;
	}
	return 0;
}
