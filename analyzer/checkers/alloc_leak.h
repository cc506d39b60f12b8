// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak's decisions on the path (alloc_leak_branch.c): the branch
 * that led to a leak (the trace's note), loops left at their first test
 * with a count the path does not know (zero trips) and decisions after a
 * lookup-or-create call; and
 * (alloc_leak_init.c) a block a failing module init keeps in a global.
 */
#ifndef KMEMLINT_ALLOC_LEAK_H
#define KMEMLINT_ALLOC_LEAK_H

#include <stdbool.h>

#include "checkers.h"

extern int al_zero_trip_slot;	/* object: the path skipped a loop whose
				 * count it did not know (a = where) */
extern int al_found_slot;	/* object: maybe a block a lookup found */

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

/* alloc_leak.c: is id, or an allocation whose memory holds it, given up? */
bool al_given_up(struct engine *en, struct state *st, int32_t id);

/* alloc_leak_init.c: a block a module's init keeps only in a global when
 * it fails.  al_init_store(): a store of id into a global by a module
 * init, kept (true) instead of handed over; al_init_return(): the
 * report at an error return. */
bool al_init_store(struct engine *en, struct state *st,
		   const struct store_info *s, int32_t id);
void al_init_return(struct engine *en, struct state *st,
		    const struct return_info *r);
void al_init_init(void);

#endif
