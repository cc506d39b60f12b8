// SPDX-License-Identifier: GPL-2.0
/*
 * The order of a scan's round: a wave for every file of the scan.  The
 * waves run one after the other, each reading what the waves before it
 * wrote, so that an allocator wrapper's file runs before its callers'
 * and a chain of calls across files settles in one round instead of one
 * round per file on the way.
 *
 * The edges come from the database alone (which file asked, at its last
 * analysis, for the summaries of which other file's functions, and for
 * how many of them), so the order is the same for any -j.  Files that
 * read each other (a component of the graph: iwlwifi's dvm/ or mvm/, a
 * few dozen files each) still get an order: the one in which the fewest
 * names are read from a file that comes later (Eades, Lin and Smyth's
 * greedy heuristic for a small feedback arc set).  The reads against the
 * order are what the next round, or a later wave of the same round
 * (scan_rounds.c), takes up.  A first scan has its edges from the index
 * pass (scan_index.c).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "../db/db.h"
#include "../util/hmap.h"

struct graph {
	int *first, *next, *to, *w;	/* edges a -> b: a read b, w names */
	int *rfirst, *rnext;		/* the same edges by b */
	int *from;			/* each edge's a */
	int *index, *low, *comp, *stack, sp, count, ncomp;
	int *popped, npop;		/* vertices, by component number */
	bool *on;
};

static void strong(struct graph *g, int v)
{
	int e, w;

	g->index[v] = g->low[v] = g->count++;
	g->stack[g->sp++] = v;
	g->on[v] = true;
	for (e = g->first[v]; e >= 0; e = g->next[e]) {
		w = g->to[e];
		if (g->index[w] < 0) {
			strong(g, w);
			if (g->low[w] < g->low[v])
				g->low[v] = g->low[w];
		} else if (g->on[w] && g->index[w] < g->low[v]) {
			g->low[v] = g->index[w];
		}
	}
	if (g->low[v] != g->index[v])
		return;
	do {
		w = g->stack[--g->sp];
		g->on[w] = false;
		g->comp[w] = g->ncomp;
		g->popped[g->npop++] = w;
	} while (w != v);
	g->ncomp++;
}

/*
 * Order the k vertices of one component (v[0..k), popped together) in
 * place.  reads[x]: names x reads of the component's files not placed
 * yet; read[x]: names they read of x.  A file that reads nothing left
 * goes first, one that nothing left reads goes last; when there is
 * neither, the file read most for what it reads goes first.  Ties go to
 * the earlier vertex (the scan's sorted order).
 */
static void order_component(struct graph *g, int *v, int k, int *reads,
			    int *read, bool *left)
{
	int *head = xcalloc((size_t)k, sizeof(int));
	int *tail = xcalloc((size_t)k, sizeof(int));
	int nh = 0, nt = 0, rest = k, i, e;

	for (i = 0; i < k; i++)
		left[v[i]] = true;
	for (i = 0; i < k; i++)
		for (e = g->first[v[i]]; e >= 0; e = g->next[e])
			if (left[g->to[e]]) {
				reads[v[i]] += g->w[e];
				read[g->to[e]] += g->w[e];
			}
	while (rest) {
		int pick = -1, at_tail = 0, best = 0, x;

		for (i = 0; i < k && pick < 0; i++)
			if (left[v[i]] && !reads[v[i]])
				pick = v[i];
		for (i = 0; i < k && pick < 0; i++)
			if (left[v[i]] && !read[v[i]]) {
				pick = v[i];
				at_tail = 1;
			}
		if (pick < 0)
			for (i = 0; i < k; i++) {
				x = v[i];
				if (left[x] && (pick < 0 ||
						read[x] - reads[x] > best)) {
					pick = x;
					best = read[x] - reads[x];
				}
			}
		left[pick] = false;
		rest--;
		if (at_tail)
			tail[nt++] = pick;
		else
			head[nh++] = pick;
		for (e = g->first[pick]; e >= 0; e = g->next[e])
			if (left[g->to[e]])
				read[g->to[e]] -= g->w[e];
		for (e = g->rfirst[pick]; e >= 0; e = g->rnext[e])
			if (left[g->from[e]])
				reads[g->from[e]] -= g->w[e];
	}
	for (i = 0; i < nh; i++)
		v[i] = head[i];
	for (i = 0; i < nt; i++)
		v[nh + i] = tail[nt - 1 - i];
	free(head);
	free(tail);
}

int scan_order(struct scan *sc, struct kdb *db, int *wave)
{
	struct strvec rd, wr;
	struct hmap pos;
	struct graph g;
	int *weight = NULL, *reads, *read, *place;
	int n = (int)sc->jobs.n, ne = 0, top = 0, i, j, e;
	bool *left;
	size_t k;

	memset(wave, 0, (size_t)n * sizeof(*wave));
	strvec_init(&rd);
	strvec_init(&wr);
	if (kdb_file_edges(db, &rd, &wr, &weight) || !rd.n) {
		strvec_clear(&rd);
		strvec_clear(&wr);
		free(weight);
		return 0;
	}
	hmap_init(&pos);
	for (i = 0; i < n; i++)
		hmap_put(&pos, sc->jobs.v[i].file, (void *)(intptr_t)(i + 1));
	memset(&g, 0, sizeof(g));
	g.first = xcalloc((size_t)n, sizeof(int));
	g.rfirst = xcalloc((size_t)n, sizeof(int));
	g.next = xcalloc(rd.n, sizeof(int));
	g.rnext = xcalloc(rd.n, sizeof(int));
	g.to = xcalloc(rd.n, sizeof(int));
	g.from = xcalloc(rd.n, sizeof(int));
	g.w = xcalloc(rd.n, sizeof(int));
	for (i = 0; i < n; i++)
		g.first[i] = g.rfirst[i] = -1;
	/* in reverse, so each list is in the database's (sorted) order */
	for (k = rd.n; k-- > 0;) {
		intptr_t a = (intptr_t)hmap_get(&pos, rd.v[k]);
		intptr_t b = (intptr_t)hmap_get(&pos, wr.v[k]);

		if (!a || !b)
			continue;
		g.from[ne] = (int)a - 1;
		g.to[ne] = (int)b - 1;
		g.w[ne] = weight[k] > 0 ? weight[k] : 1;
		g.next[ne] = g.first[a - 1];
		g.first[a - 1] = ne;
		g.rnext[ne] = g.rfirst[b - 1];
		g.rfirst[b - 1] = ne++;
	}
	g.index = xcalloc((size_t)n, sizeof(int));
	g.low = xcalloc((size_t)n, sizeof(int));
	g.comp = xcalloc((size_t)n, sizeof(int));
	g.stack = xcalloc((size_t)n, sizeof(int));
	g.popped = xcalloc((size_t)n, sizeof(int));
	g.on = xcalloc((size_t)n, sizeof(bool));
	for (i = 0; i < n; i++)
		g.index[i] = -1;
	for (i = 0; i < n; i++)
		if (g.index[i] < 0)
			strong(&g, i);
	/* Tarjan pops a component after every component it reaches: what
	 * a file reads of other components comes before it.  Inside a
	 * component, the order of order_component(). */
	reads = xcalloc((size_t)n, sizeof(int));
	read = xcalloc((size_t)n, sizeof(int));
	left = xcalloc((size_t)n, sizeof(bool));
	for (i = 0; i < g.npop; i = j) {
		for (j = i; j < g.npop && g.comp[g.popped[j]] ==
		     g.comp[g.popped[i]]; j++)
			;
		if (j - i > 1)
			order_component(&g, g.popped + i, j - i, reads, read,
					left);
	}
	/* a file's wave: one after the latest of what it reads that comes
	 * before it in that order; what comes after is read as it was */
	place = xcalloc((size_t)n, sizeof(int));
	for (i = 0; i < g.npop; i++)
		place[g.popped[i]] = i;
	for (i = 0; i < g.npop; i++) {
		int v = g.popped[i];

		for (e = g.first[v]; e >= 0; e = g.next[e])
			if (place[g.to[e]] < i && wave[g.to[e]] + 1 > wave[v])
				wave[v] = wave[g.to[e]] + 1;
		if (wave[v] > SCAN_MAX_WAVES - 1)
			wave[v] = SCAN_MAX_WAVES - 1;
		if (wave[v] > top)
			top = wave[v];
	}
	free(place);
	free(reads);
	free(read);
	free(left);
	free(g.first);
	free(g.rfirst);
	free(g.next);
	free(g.rnext);
	free(g.to);
	free(g.from);
	free(g.w);
	free(g.index);
	free(g.low);
	free(g.comp);
	free(g.stack);
	free(g.popped);
	free(g.on);
	free(weight);
	hmap_free(&pos, NULL);
	strvec_clear(&rd);
	strvec_clear(&wr);
	return top;
}
