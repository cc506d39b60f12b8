/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_SUPPRESS_H
#define KML_SUPPRESS_H

/*
 * Inline suppressions: a comment in the analysed file
 *
 *   / * kmemlint-ignore RULE: reason * /    (or // kmemlint-ignore RULE: reason)
 *
 * silences the findings of RULE on its own line and on the line below it
 * (a comment alone on the line above the finding).  The reason is
 * mandatory: without one, or with an unknown rule id, the comment
 * suppresses nothing and a diagnostic says so.
 */
#include <stdbool.h>
#include <stdio.h>

#include "finding.h"

struct suppression {
	char *file;		/* as the findings name it */
	unsigned line;
	char *rule;
	char *reason;
	int matched;		/* findings it silenced */
};

struct suppress_set {
	struct suppression *v;
	size_t n, alloc;
};

/* Read the suppressions of path (named name in messages) into set;
 * malformed ones are reported on stderr and left out. */
void suppress_scan(struct suppress_set *set, const char *path,
		   const char *name);
/* Drop the findings of fl that a suppression of set silences. */
void suppress_apply(struct suppress_set *set, struct finding_list *fl);
void suppress_free(struct suppress_set *set);

#endif
