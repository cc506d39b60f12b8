// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak's decisions on the path (alloc_leak_branch.c): the branch
 * that led to a leak (the trace's note), loops left at their first test
 * with a count the path does not know (zero trips) and decisions after a
 * lookup-or-create call; and
 * (alloc_leak_init.c) a block a failing module init keeps in a global;
 * (alloc_leak_probe.c) a block a failing probe keeps in devm memory;
 * (alloc_leak_realloc.c) p = krealloc(p, ...) into memory;
 * (alloc_leak_many.c) an array freed with the blocks a loop stored in it;
 * (alloc_leak_call.c) what a call does to what the path owns;
 * (alloc_leak_failed.c) a block a failing function leaves in its
 * caller's struct, up to a function the kernel calls.
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
/* Why an object is no longer owned here (the gone slot's a; a gives-up
 * fact's value).  GONE_OUT: stored through a pointer parameter (*cf = p)
 * into the caller's place: the caller has it there, and has it as the
 * result too when the function also returns it.  GONE_BOUND: handed to
 * a sink that keeps it only while the device is bound (`owner ...
 * bound=yes`: dev_set_drvdata()). */
enum gone_why { GONE_FREED = 1, GONE_STORED, GONE_SINK, GONE_UNKNOWN,
		GONE_OUT, GONE_FOUND, GONE_BOUND };

/* alloc_leak.c: the slots alloc_leak_call.c reads too: an unknown call
 * got &local (global 0); the allocation of this function whose memory
 * holds an object (a; b: HELD_*); the object a `derive` call's result
 * points into (keyed by the result) */
extern int al_escape_slot;
extern int al_held_slot;
extern int al_derived_slot;
/* alloc_leak.c: id (and what it holds) is no longer owned here */
void al_disown(struct engine *en, struct state *st, int32_t id, int why);

/* alloc_leak_call.c: what a call does to what the path owns;
 * al_dropped(): a call site of the file whose result was dropped;
 * al_disown_local(): what &local given as argument n holds */
void al_call_entry(struct engine *en, struct state *st);
void al_on_call(struct engine *en, struct state *st,
		const struct call_info *c);
bool al_dropped(int32_t id);
void al_disown_local(struct engine *en, struct state *st,
		     const struct call_info *c, int n, int why);

/* alloc_leak.c: is o of a managed family (devm)? */
bool al_family_managed(const struct objst *o);
/* alloc_leak_realloc.c: p = krealloc(p, ...) into memory: a failure
 * overwrites the only pointer to the old block */
void al_realloc_over_self(struct engine *en, struct state *st,
			  const struct call_info *c);

/* alloc_leak.c: why id was given up, or 0 */
int al_gone_why(const struct state *st, int32_t id);
/* alloc_leak.c: the next object held by an allocation of this function
 * (*container), *unnamed when at an index the engine forgets */
bool al_held_iter(const struct state *st, int *pos, int32_t *id,
		  int32_t *container, bool *unnamed);

/* alloc_leak_probe.c: a block a failing probe keeps only in devm memory
 * handed to the driver data, which the driver core frees then.
 * al_managed(): is id devm memory this function allocated?
 * al_bound_store(): a store into a place kept while the device is bound
 * (GONE_BOUND); al_bound_devm(): id is devm memory given up only so */
bool al_managed(struct engine *en, struct state *st, int32_t id);
bool al_bound_store(const struct store_info *s);
bool al_bound_devm(struct engine *en, struct state *st, int32_t id);
void al_probe_return(struct engine *en, struct state *st,
		     const struct return_info *r);

/* alloc_leak_many.c: the blocks a loop stored at forgotten indices of an
 * array of this function, lost when the array is freed holding them.
 * al_many_mark(): the engine forgot, at loc, where container holds the
 * block of site; the others follow the path's events. */
void al_many_mark(struct state *st, int site, int32_t container,
		  struct ir_loc loc);
void al_many_loop_left(struct state *st);
void al_many_call(struct engine *en, struct state *st,
		  const struct call_info *c);
void al_many_store(struct engine *en, struct state *st,
		   const struct store_info *s);
void al_many_free(struct engine *en, struct state *st, const struct objst *o,
		  const struct free_info *f);
void al_many_init(void);

/* alloc_leak_init.c: a block a module's init keeps only in a global when
 * it fails.  al_init_store(): a store of id into a global by a module
 * init, kept (true) instead of handed over; al_init_return(): the
 * report at an error return. */
bool al_init_store(struct engine *en, struct state *st,
		   const struct store_info *s, int32_t id);
void al_init_return(struct engine *en, struct state *st,
		    const struct return_info *r);
void al_init_init(void);

/* alloc_leak_failed.c: a failing return's blocks in the caller's fields
 * (the summary's fail-holds facts; the finding at a function the kernel
 * calls); al_failed_fact(): replays a fail-holds fact (true: it was one);
 * al_failed_gone(): id stored elsewhere; al_failed_free(): id freed on
 * the path; al_failed_store(): a
 * block stored where the place was NULL or in place of one freed (a
 * cache, a replacement); al_failed_call(): a
 * function the engine does not see got a way to them; al_failed_release():
 * the object holding them (or one they are read from) freed or given up */
void al_failed_return(struct engine *en, struct state *st,
		      const struct return_info *r);
bool al_failed_fact(struct engine *en, struct state *st,
		    const struct call_info *c, const struct fact *f,
		    const struct value *subj);
void al_failed_gone(struct state *st, int32_t id);
void al_failed_free(struct state *st, int32_t id);
void al_failed_store(struct engine *en, struct state *st,
		     const struct store_info *s);
void al_failed_call(struct engine *en, struct state *st,
		    const struct call_info *c);
void al_failed_release(struct engine *en, struct state *st,
		       int32_t holder, const struct ir_expr *arg);
void al_failed_init(void);

#endif
