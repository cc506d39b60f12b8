/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_HTML_H
#define KML_HTML_H

#include <stdio.h>

#include "finding.h"

/*
 * The findings of a whole run as one self-contained HTML page (inline CSS
 * and JavaScript, nothing fetched): a summary per rule and per file, the
 * findings grouped by file with the code around each and the trace steps
 * marked and numbered, filters by rule and confidence.  Every text from
 * the source or the findings is escaped.
 */
void report_html(FILE *out, const struct finding_list *fl, const char *cwd);

#endif
