// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint scan --shard K/N: which files the K-th of N shards analyses.
 *
 * The files are sorted by path (scan.c) and shard K takes files K-1,
 * K-1+N, K-1+2N, ...: every file falls in exactly one shard, the shares
 * differ by one file at most, and the choice depends on the tree alone
 * (not on -j, the machine or the order kbuild lists the files in).  The
 * shards' databases are joined with kmemlint merge (merge.c), and a last
 * scan with the joined database analyses again the files that read a
 * fact of another shard; see docs/scan.md.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

int scan_parse_shard(const char *v, int *k, int *n)
{
	char *end;
	long a, b;

	errno = 0;
	a = strtol(v, &end, 10);
	if (errno || end == v || *end != '/')
		goto bad;
	v = end + 1;
	b = strtol(v, &end, 10);
	if (errno || end == v || *end || b < 1 || b > 100000 || a < 1 || a > b)
		goto bad;
	*k = (int)a;
	*n = (int)b;
	return 0;
bad:
	fprintf(stderr, "kmemlint: --shard: '%s' is not K/N with 1 <= K <= N\n", v);
	return -1;
}

void scan_take_shard(struct job_list *jl, int k, int n)
{
	size_t i, j = 0;

	for (i = 0; i < jl->n; i++) {
		if (i % (size_t)n == (size_t)(k - 1)) {
			jl->v[j++] = jl->v[i];
			continue;
		}
		free(jl->v[i].file);
		free(jl->v[i].dir);
		strvec_clear(&jl->v[i].args);
	}
	jl->n = j;
}
