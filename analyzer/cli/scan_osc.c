// SPDX-License-Identifier: GPL-2.0
/*
 * Rounds that do not settle.  Two files that read each other's summaries
 * and run in one wave each read what the other wrote a round before: a
 * fact that one has because the other had it comes and goes every round
 * (qlogic/qed: qed_hw_err_notify() in qed_hw.c and
 * _qed_mcp_cmd_and_union() in qed_mcp.c, each giving up $0->cdev because
 * the other did a round before; forty rounds did not settle it).  The
 * history maps each name to the hashes of the values it took in this
 * scan.  A file whose name goes back to an earlier value (not its last)
 * oscillates: from then on it runs in a wave of its own, after the
 * others (scan_rounds.c), so the files of such a cycle read each other's
 * latest values one after the other, which settles a cycle that only
 * alternated.  A file that still goes back to an earlier value after
 * OSC_ROUNDS such rounds is not propagated further: its readers keep what
 * they read.  Only the order of the database's changes decides, so the
 * output is the same for any -j.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan_osc.h"
#include "../util/strvec.h"

void osc_init(struct scan_osc *o, size_t nfiles)
{
	memset(o, 0, sizeof(*o));
	hmap_init(&o->history);
	hmap_init(&o->index);
	o->nfiles = nfiles;
	o->osc = xcalloc(nfiles + 1, sizeof(*o->osc));
	o->osc_round = xcalloc(nfiles + 1, sizeof(*o->osc_round));
}

void osc_file(struct scan_osc *o, const char *path, int idx)
{
	if (idx >= 0 && (size_t)idx < o->nfiles)
		hmap_put(&o->index, path, (void *)(intptr_t)(idx + 1));
}

bool osc_keep(struct scan_osc *o, const char *entry)
{
	char *key = xstrdup(entry), *path, *hash, *hist, *last, *n, *mod;
	bool back, keep = true;
	intptr_t at;

	path = strchr(key, '\x1f');
	mod = path ? strchr(path + 1, '\x1f') : NULL;
	hash = mod ? strchr(mod + 1, '\x1f') : NULL;
	if (!hash || !hash[1]) {
		free(key);
		return true;
	}
	*path++ = '\0';
	*mod = '\0';
	hash++;
	at = (intptr_t)hmap_get(&o->index, path);
	hist = hmap_get(&o->history, key);
	last = hist ? strrchr(hist, ' ') : NULL;
	back = hist && strstr(hist, hash) && (!last || strcmp(last + 1, hash));
	if (back && at) {
		if (o->osc_round[at - 1] != o->round) {
			o->osc_round[at - 1] = o->round;
			o->osc[at - 1]++;
		}
		keep = o->osc[at - 1] <= OSC_ROUNDS;
	}
	n = xstrfmt("%s %s", hist ? hist : "", hash);
	hmap_put(&o->history, key, n);
	free(hist);
	free(key);
	return keep;
}

bool osc_oscillates(const struct scan_osc *o, int idx)
{
	return idx >= 0 && (size_t)idx < o->nfiles && o->osc[idx] > 0;
}

void osc_free(struct scan_osc *o)
{
	hmap_free(&o->history, free);
	hmap_free(&o->index, NULL);
	free(o->osc);
	free(o->osc_round);
}
