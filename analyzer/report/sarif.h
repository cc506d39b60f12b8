/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_SARIF_H
#define KML_SARIF_H

#include <stdio.h>

#include "finding.h"

/*
 * The findings of a whole run as one SARIF 2.1.0 log: the rules of
 * report/rules.c with their descriptions, help and default level, then a
 * result per finding with its location, function, confidence, the trace
 * as a codeFlow, a partial fingerprint (the baseline's) and the fix when
 * the checker gave one.  Relative paths are relative to cwd (uriBaseId
 * SRCROOT).
 */
void report_sarif(FILE *out, const struct finding_list *fl, const char *cwd);

#endif
