/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_FINDING_JSON_H
#define KML_FINDING_JSON_H

#include "finding.h"

/*
 * Read the JSON Lines that report_json() writes (path, or "-" for stdin)
 * and add their findings to fl: location, function, rule, confidence,
 * message, trace, engines, the --fix flag and the engine's fix.  The
 * lines of files that could not be analysed ({"file", "error"}) are said
 * on stderr and skipped; empty lines are skipped.  0, or -1 with a
 * message naming the file and line.
 */
int findings_read_json(const char *path, struct finding_list *fl);

#endif
