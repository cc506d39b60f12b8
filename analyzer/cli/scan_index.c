// SPDX-License-Identifier: GPL-2.0
/*
 * The index pass of a first scan.  A round runs its files in waves, in
 * the order of what each read of the others at its last analysis
 * (scan_rounds.c); a file never analysed has read nothing yet, so a first
 * scan's first round would run as one wave, every file without its
 * callees' summaries, and a second round would analyse nearly all of
 * them again.  Instead, the files the database knows nothing of are
 * first parsed and lowered by the workers, which write the IR cache and
 * what each file defines and calls (cli/scan_worker.c), and no analysis:
 * the first round then reads its units from the cache, in waves.
 *
 * Only with the IR cache (else the first round would parse every file
 * again), and for two files or more.  A file whose worker fails here
 * (it does not parse, crashes, runs out of time or memory) is recorded
 * as failed, as a round would, and not analysed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "scan.h"
#include "scan_ir.h"
#include "../db/db.h"
#include "../util/strvec.h"

int run_index(struct scan *sc, struct kdb *db, const int *idx, int n)
{
	int *todo = xcalloc((size_t)n + 1, sizeof(*todo)), k = 0, i;
	struct strvec changed;

	if (!sc->irdir) {
		free(todo);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (!kdb_file_known(db, sc->jobs.v[idx[i]].file))
			todo[k++] = idx[i];
	if (k < 2) {
		free(todo);
		return 0;
	}
	sc->indexing = true;
	scan_pool_run(sc, todo, k);
	sc->indexing = false;
	if (sc->interrupted) {
		free(todo);
		return -1;
	}
	strvec_init(&changed);
	kdb_begin(db);
	for (i = 0; i < k; i++) {
		struct scan_file *sf = &sc->files[todo[i]];
		const char *file = sc->jobs.v[todo[i]].file;

		sc->indexed++;
		if (sf->fail) {
			/* as a round would record it: not analysed again */
			sf->ran = true;
			kdb_file_failed(db, file, sf->module, sf->content,
					sf->flags, sf->fail, &changed);
		} else {
			sc->index_parsed += scan_ir_parsed(sf->records);
			kdb_file_indexed(db, file, sf->records);
		}
		free(sf->records);
		sf->records = NULL;
	}
	kdb_mark_stale(db, &changed);
	kdb_commit(db);
	strvec_clear(&changed);
	if (sc->o->verbose)
		fprintf(stderr, "kmemlint: index: %d files parsed and lowered, their calls order the first round\n",
			k);
	free(todo);
	return 0;
}
