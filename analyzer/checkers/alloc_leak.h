// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak's decisions on the path (alloc_leak_branch.c): the branch
 * that led to a leak (the trace's note), loops left at their first test
 * with a count the path does not know (zero trips), decisions after a
 * lookup-or-create call, and kernel warnings printed on the path.
 */
#ifndef KMEMLINT_ALLOC_LEAK_H
#define KMEMLINT_ALLOC_LEAK_H

#include <stdbool.h>

#include "checkers.h"

extern int al_zero_trip_slot;	/* object: the path skipped a loop whose
				 * count it did not know (a = where) */
extern int al_found_slot;	/* object: maybe a block a lookup found */
extern int al_warned_slot;	/* global 0: the path printed a warning */

/* a join of two paths: given up (or seen) on either side is */
bool al_join_either(const struct slot_val *a, const struct slot_val *b,
		    struct slot_val *out);
/* registers the slots above and the branch note's, in this order */
void al_branch_init(void);
void al_on_branch(struct engine *en, struct state *st,
		  const struct branch_info *b);
bool al_found_uncertain(struct engine *en, struct state *st, int32_t id);
int al_branch_note(struct engine *en, struct state *st, int32_t id,
		   struct trace_note *n);

#endif
