/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_SOURCE_H
#define KML_SOURCE_H

/*
 * The text of the files findings point into, read once and kept for the
 * run: the baseline's fingerprints, inline suppressions, SARIF's fixes
 * and the HTML report's code excerpts read lines from here.
 */
#include <stdint.h>

struct finding;

/* Line n (1-based) of file, without its newline, or NULL (no such file or
 * line).  Valid until source_cache_free(). */
const char *source_line(const char *file, unsigned n);
/* How many lines file has (0 when it cannot be read). */
unsigned source_nlines(const char *file);
void source_cache_free(void);

/*
 * A fingerprint of the code around a finding that survives moving it:
 * the tokens of the finding's line and of its neighbours (one above, one
 * below), with comments and white space dropped, hashed with the rule and
 * the function.  16 hex digits in buf (at least 17 bytes).
 */
void finding_fingerprint(const struct finding *f, char *buf);

#endif
