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

struct finding {
	char *file;
	unsigned line;
	unsigned col;
	char *function;
	char *rule;
	char *message;
	struct note *notes;
	int nnotes;
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

void report_text(FILE *out, const struct finding_list *fl);
void report_json(FILE *out, const struct finding_list *fl);
/* One line "file: error: msg" in text or JSON form, for tool errors. */
void report_file_error(FILE *out, int json, const char *file,
		       const char *msg);

#endif
