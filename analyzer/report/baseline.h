/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_BASELINE_H
#define KML_BASELINE_H

/*
 * A baseline: the findings a project already knows of, so that a CI job
 * fails on new ones only.  A finding is matched by rule, function and
 * the fingerprint of the code around it (source.h), never by line, so
 * moving code keeps it matched.  The file is text, one finding a line:
 *
 *   # kmemlint baseline 1
 *   RULE<TAB>FUNCTION<TAB>FINGERPRINT<TAB>FILE:LINE<TAB>MESSAGE
 *
 * (FILE:LINE and MESSAGE are for people reading it; they are not
 * matched).  Each line matches one finding: two equal findings need two
 * lines.
 */
#include <stdio.h>

#include "finding.h"

struct baseline;

/* NULL, and a message on stderr, when path cannot be read or is not a
 * baseline. */
struct baseline *baseline_load(const char *path);
/* Is f in the baseline (each entry matches once)? */
bool baseline_match(struct baseline *b, const struct finding *f);
void baseline_free(struct baseline *b);
/* Append the lines of fl (after the header, when header is set). */
void baseline_write(FILE *out, const struct finding_list *fl, bool header);

#endif
