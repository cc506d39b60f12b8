// SPDX-License-Identifier: GPL-2.0
/*
 * The kinds of facts a summary holds: the engine's core kinds (facts.c)
 * and each checker's, registered by name in init().  A kind says how its
 * facts merge over the paths of a return class, which checker replays
 * them, and optionally a subsumption predicate with a signature that
 * tests it cheaply first, or that it only qualifies a failing side.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

#define MAX_KINDS 64

struct kind_def {
	const char *name;
	enum fact_merge merge;
	const struct checker *owner;
	bool qualifier;		/* see engine_fact_kind_qualifier() */
	bool if_ignored;	/* see engine_fact_kind_if_ignored() */
	bool after_writes;	/* see engine_fact_kind_after_writes() */
	fact_subsumes_fn subsumes;	/* see engine_fact_kind_subsumes() */
	fact_sig_fn sig;		/* see engine_fact_kind_signature() */
	int cap;			/* see engine_fact_kind_cap(); 0: none */
	fact_merge_fn merge_fn;		/* see engine_fact_kind_merge() */
};

static struct kind_def kinds[MAX_KINDS];
static int nkinds;

static const struct kind_def *kind_of(int kind)
{
	return kind >= 0 && kind < nkinds ? &kinds[kind] : NULL;
}

int fact_kind_find(const char *name)
{
	int i;

	for (i = 0; i < nkinds; i++)
		if (!strcmp(kinds[i].name, name))
			return i;
	return -1;
}

bool fact_kinds_registered(void)
{
	return nkinds > 0;
}

int engine_fact_kind(const char *name, enum fact_merge merge,
		     const struct checker *owner)
{
	int i = fact_kind_find(name);

	if (i >= 0)
		return i;
	if (nkinds == MAX_KINDS) {
		fprintf(stderr, "kmemlint: too many fact kinds\n");
		exit(2);
	}
	kinds[nkinds].name = name;
	kinds[nkinds].merge = merge;
	kinds[nkinds].owner = owner;
	return nkinds++;
}

void engine_fact_kind_subsumes(int kind, fact_subsumes_fn fn)
{
	if (kind_of(kind))
		kinds[kind].subsumes = fn;
}

void engine_fact_kind_signature(int kind, fact_sig_fn fn)
{
	if (kind_of(kind))
		kinds[kind].sig = fn;
}

void engine_fact_kind_cap(int kind, int cap)
{
	if (kind_of(kind))
		kinds[kind].cap = cap;
}

void engine_fact_kind_merge(int kind, fact_merge_fn fn)
{
	if (kind_of(kind))
		kinds[kind].merge_fn = fn;
}

fact_merge_fn fact_kind_merger(int kind)
{
	return kind_of(kind) ? kinds[kind].merge_fn : NULL;
}

int fact_kind_cap(int kind)
{
	return kind_of(kind) ? kinds[kind].cap : 0;
}

void engine_fact_kind_qualifier(int kind)
{
	if (kind_of(kind))
		kinds[kind].qualifier = true;
}

void engine_fact_kind_if_ignored(int kind)
{
	if (kind_of(kind))
		kinds[kind].if_ignored = true;
}

bool fact_kind_if_ignored(int kind)
{
	return kind_of(kind) && kinds[kind].if_ignored;
}

void engine_fact_kind_after_writes(int kind)
{
	if (kind_of(kind))
		kinds[kind].after_writes = true;
}

bool fact_kind_after_writes(int kind)
{
	return kind_of(kind) && kinds[kind].after_writes;
}

const char *engine_fact_kind_name(int kind)
{
	return kind_of(kind) ? kinds[kind].name : "?";
}

const struct checker *fact_kind_owner(int kind)
{
	return kind_of(kind) ? kinds[kind].owner : NULL;
}

enum fact_merge fact_kind_merge(int kind)
{
	return kind_of(kind) ? kinds[kind].merge : FACT_MAY;
}

bool fact_kind_qualifier(int kind)
{
	return kind_of(kind) && kinds[kind].qualifier;
}

fact_subsumes_fn fact_kind_subsumes(int kind)
{
	return kind_of(kind) ? kinds[kind].subsumes : NULL;
}

uint64_t fact_kind_sig(const struct fact *f)
{
	const struct kind_def *k = kind_of(f->kind);

	return k && k->sig ? k->sig(f) : 0;
}
