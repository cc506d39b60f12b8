/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_SCAN_OSC_H
#define KML_SCAN_OSC_H

/*
 * Rounds that do not settle (scan_osc.c): which files of a scan wrote a
 * value they had written before, and whether their change still goes to
 * the files that read it.
 */
#include <stdbool.h>
#include <stddef.h>

#include "../util/hmap.h"

/* rounds a file may go back to an earlier value and still be propagated */
#define OSC_ROUNDS 2

struct scan_osc {
	struct hmap history;	/* "k name" -> " hash hash ..." */
	struct hmap index;	/* path -> file index + 1 */
	int *osc;		/* per file: rounds it went back */
	int *osc_round;		/* per file: the last such round */
	size_t nfiles;
	int round;		/* set by the caller at each round */
};

void osc_init(struct scan_osc *o, size_t nfiles);
/* file idx of the scan is path */
void osc_file(struct scan_osc *o, const char *path, int idx);
/*
 * One changed name, as the database gives it (db_write.c push_changed():
 * "k name\x1fpath\x1fmodule\x1fhash"): record its new value; false when
 * the change must not reach the readers (the file went back to an earlier
 * value in more than OSC_ROUNDS rounds).
 */
bool osc_keep(struct scan_osc *o, const char *entry);
/* has file idx gone back to an earlier value in this scan? */
bool osc_oscillates(const struct scan_osc *o, int idx);
void osc_free(struct scan_osc *o);

#endif
