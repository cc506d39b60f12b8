/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_FINDING_H
#define KML_FINDING_H

#include <stdbool.h>
#include <stdio.h>

struct note {
	char *file;
	unsigned line;
	unsigned col;
	char *msg;
};

/*
 * How sure the finding is.  high: the path and the facts it rests on are
 * certain within the function (what the source and the rules tables
 * say).  medium: it rests on a callee's summary, on facts of other
 * functions (struct fields, callbacks, the call graph), or on a finding
 * located in another function than the one whose path shows it.
 */
enum confidence { CONF_HIGH, CONF_MEDIUM };

/* "high", "medium" */
const char *confidence_name(enum confidence c);
/* -1 for a name that is neither */
int confidence_parse(const char *s);

struct finding {
	char *file;
	unsigned line;
	unsigned col;
	char *function;
	char *rule;
	char *message;
	struct note *notes;
	int nnotes;
	enum confidence confidence;
	/* a fix, when the checker knows one: the identifier fix_old at the
	 * finding's location becomes fix_new (or both NULL) */
	char *fix_old;
	char *fix_new;
	/* --cocci, --fix: which engines found it (ENGINE_*; 0: not asked,
	 * nothing printed) and whether --fix has a patch for it */
	unsigned engines;
	bool fix;
};

#define ENGINE_KMEMLINT		0x1
#define ENGINE_COCCINELLE	0x2

struct finding_list {
	struct finding *v;
	size_t n;
	size_t alloc;
};

void findings_init(struct finding_list *fl);
/* Takes ownership of f's strings. */
void findings_add(struct finding_list *fl, struct finding *f);
/* Sort by file, line, column, rule; drop exact duplicates. */
void findings_sort(struct finding_list *fl);
void findings_free(struct finding_list *fl);
/* Frees the strings and notes of one finding. */
void finding_free(struct finding *f);

/* --fix has a patch for it (cocci), or the checker knows the replacement */
bool finding_fix_available(const struct finding *f);

void report_text(FILE *out, const struct finding_list *fl);
void report_json(FILE *out, const struct finding_list *fl);
/* s as a JSON string, quoted and escaped. */
void json_str(FILE *out, const char *s);
/* One line "file: error: msg" in text or JSON form, for tool errors. */
void report_file_error(FILE *out, int json, const char *file,
		       const char *msg);

#endif
