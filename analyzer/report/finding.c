// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "../util/strvec.h"

const char *confidence_name(enum confidence c)
{
	return c == CONF_HIGH ? "high" : "medium";
}

int confidence_parse(const char *s)
{
	if (!strcmp(s, "high"))
		return CONF_HIGH;
	if (!strcmp(s, "medium"))
		return CONF_MEDIUM;
	return -1;
}

void findings_init(struct finding_list *fl)
{
	fl->v = NULL;
	fl->n = 0;
	fl->alloc = 0;
}

void findings_add(struct finding_list *fl, struct finding *f)
{
	if (fl->n == fl->alloc) {
		fl->alloc = fl->alloc ? fl->alloc * 2 : 16;
		fl->v = xrealloc(fl->v, fl->alloc * sizeof(*fl->v));
	}
	fl->v[fl->n++] = *f;
}

/* One finding per rule and place: the paths that reach one free twice
 * with objects of two origins (a ring's saved skb, one the loop
 * allocated) are one bug to fix at one line. */
static int cmp_finding(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;
	int r = strcmp(a->file, b->file);

	if (r)
		return r;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

/* The order of findings, then of their messages and notes: duplicates of
 * one finding (several paths report it) sort the same whatever order
 * they came in, so the one kept is always the same: the one whose trace
 * says most (the allocation site), then the first message. */
static int cmp_sorted(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;
	int r = cmp_finding(pa, pb), i;

	if (r)
		return r;
	if (a->nnotes != b->nnotes)
		return a->nnotes > b->nnotes ? -1 : 1;
	r = strcmp(a->message, b->message);
	if (r)
		return r;
	for (i = 0; i < a->nnotes; i++) {
		const struct note *x = &a->notes[i], *y = &b->notes[i];

		if (x->line != y->line)
			return x->line < y->line ? -1 : 1;
		if (x->col != y->col)
			return x->col < y->col ? -1 : 1;
		r = strcmp(x->file ? x->file : "", y->file ? y->file : "");
		if (!r)
			r = strcmp(x->msg ? x->msg : "", y->msg ? y->msg : "");
		if (r)
			return r;
	}
	return 0;
}

void finding_free(struct finding *f)
{
	int i;

	for (i = 0; i < f->nnotes; i++) {
		free(f->notes[i].file);
		free(f->notes[i].msg);
	}
	free(f->notes);
	free(f->file);
	free(f->function);
	free(f->rule);
	free(f->message);
	free(f->fix_old);
	free(f->fix_new);
}

void findings_sort(struct finding_list *fl)
{
	size_t i, j = 0;

	if (!fl->n)
		return;
	qsort(fl->v, fl->n, sizeof(*fl->v), cmp_sorted);
	for (i = 1; i < fl->n; i++) {
		if (!cmp_finding(&fl->v[j], &fl->v[i])) {
			/* one path shows it with certain facts: high */
			if (fl->v[i].confidence < fl->v[j].confidence)
				fl->v[j].confidence = fl->v[i].confidence;
			finding_free(&fl->v[i]);
		} else
			fl->v[++j] = fl->v[i];
	}
	fl->n = j + 1;
}

void findings_free(struct finding_list *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		finding_free(&fl->v[i]);
	free(fl->v);
	findings_init(fl);
}

bool finding_fix_available(const struct finding *f)
{
	return f->fix || (f->fix_old && f->fix_new);
}

void report_text(FILE *out, const struct finding_list *fl)
{
	size_t i;
	int j;

	for (i = 0; i < fl->n; i++) {
		const struct finding *f = &fl->v[i];

		fprintf(out, "%s: In function '%s':\n", f->file, f->function);
		fprintf(out, "%s:%u:%u: warning: %s [%s] [confidence: %s]",
			f->file, f->line, f->col, f->message, f->rule,
			confidence_name(f->confidence));
		if (f->engines)
			fprintf(out, " (engines: %s%s%s; fix: %s)",
				f->engines & ENGINE_KMEMLINT ? "kmemlint" : "",
				f->engines == (ENGINE_KMEMLINT | ENGINE_COCCINELLE) ?
				", " : "",
				f->engines & ENGINE_COCCINELLE ? "coccinelle" : "",
				f->fix ? "yes" : "no");
		fputc('\n', out);
		for (j = 0; j < f->nnotes; j++)
			fprintf(out, "%s:%u:%u: note: %s\n", f->notes[j].file,
				f->notes[j].line, f->notes[j].col,
				f->notes[j].msg);
	}
}

void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

void report_json(FILE *out, const struct finding_list *fl)
{
	size_t i;
	int j;

	for (i = 0; i < fl->n; i++) {
		const struct finding *f = &fl->v[i];

		fputs("{\"file\": ", out);
		json_str(out, f->file);
		fprintf(out, ", \"line\": %u, \"column\": %u, \"function\": ",
			f->line, f->col);
		json_str(out, f->function);
		fputs(", \"rule\": ", out);
		json_str(out, f->rule);
		fputs(", \"confidence\": ", out);
		json_str(out, confidence_name(f->confidence));
		fputs(", \"message\": ", out);
		json_str(out, f->message);
		if (f->engines)
			fprintf(out, ", \"engines\": [%s%s%s], \"fix\": %s",
				f->engines & ENGINE_KMEMLINT ? "\"kmemlint\"" : "",
				f->engines == (ENGINE_KMEMLINT | ENGINE_COCCINELLE) ?
				", " : "",
				f->engines & ENGINE_COCCINELLE ? "\"coccinelle\"" : "",
				f->fix ? "true" : "false");
		if (f->fix_old && f->fix_new) {
			/* the engine's fix: kmemlint report, SARIF */
			fputs(", \"replace\": {\"old\": ", out);
			json_str(out, f->fix_old);
			fputs(", \"new\": ", out);
			json_str(out, f->fix_new);
			fputc('}', out);
		}
		fprintf(out, ", \"fix_available\": %s",
			finding_fix_available(f) ? "true" : "false");
		fputs(", \"trace\": [", out);
		for (j = 0; j < f->nnotes; j++) {
			fputs(j ? ", {\"file\": " : "{\"file\": ", out);
			json_str(out, f->notes[j].file);
			fprintf(out, ", \"line\": %u, \"column\": %u, \"message\": ",
				f->notes[j].line, f->notes[j].col);
			json_str(out, f->notes[j].msg);
			fputc('}', out);
		}
		fputs("]}\n", out);
	}
}

void report_file_error(FILE *out, int json, const char *file, const char *msg)
{
	if (!json) {
		fprintf(out, "%s: error: %s\n", file, msg);
		return;
	}
	fputs("{\"file\": ", out);
	json_str(out, file);
	fputs(", \"error\": ", out);
	json_str(out, msg);
	fputs("}\n", out);
}
