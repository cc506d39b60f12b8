/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_FINDING_IO_H
#define KML_FINDING_IO_H

#include <stdio.h>

#include "finding.h"

/* A field of a record line: \t, \n and \\ escaped. */
void rec_put_str(FILE *f, const char *s);
/* Split a record line at its tabs and unescape the fields in place;
 * returns how many (at most max), or -1 when there are more. */
int rec_split(char *line, char **fields, int max);

/* One "finding" line per finding and one "note" line per note. */
void findings_write_recs(FILE *f, const struct finding_list *fl);
/* Take one split line: 1 if it was a finding or note line, else 0. */
int findings_read_rec(struct finding_list *fl, char **v, int n);

#endif
