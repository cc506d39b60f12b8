// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic: where a helper kept its caller's lock.  A helper
 * called with the lock held that drops it only on some paths
 * (_aac_reset_adapter(): if (aac->thread && ...) {
 * spin_unlock_irq(host->host_lock); ... }) and sleeps on all of them is
 * reported on the paths that kept it; the finding says at which test
 * the path went past the unlock.  The summary pass, outside any lock of
 * the function's own, keeps the last such branch in a global slot, and
 * a sleep further down the path carries it into its chain as a 'K'
 * level (sleep_chain.c turns it into a note).
 */
#include <stdlib.h>

#include "sleep_in_atomic.h"
#include "../util/strvec.h"

static int kept_slot;		/* key 0, summary pass: the last branch
				 * that went past an unlock of a lock this
				 * function did not take (a = where, b = the
				 * note's text, interned) */

static bool atomic_unlock(const struct api_entry *api)
{
	return (api->roles & ROLE_UNLOCK) && api->lock_atomic;
}

static bool atomic_lock(const struct api_entry *api)
{
	return (api->roles & ROLE_LOCK) && api->lock_atomic;
}

/* A branch at lock depth depth: its other edge leads to an unlock (and
 * to no lock: an unlock of a lock that part takes itself is no unlock of
 * ours) that the path now skips. */
void sleep_kept_branch(struct engine *en, struct state *st,
		       const struct branch_info *b, int depth)
{
	struct slot_val v;
	struct ir_loc at;
	const char *unlock;
	char *s;

	if (engine_reporting(en) || b->forced || depth > 0 ||
	    !engine_skipped_call(en, b, atomic_unlock, atomic_lock, &at,
				 &unlock))
		return;
	s = xstrfmt("the path goes past %s() at line %u here, so a lock the caller holds is still held",
		    unlock, at.line);
	v.a = loc_pack(b->loc);
	v.b = (int64_t)(intptr_t)engine_intern(en, s);
	free(s);
	slot_set(st, kept_slot, 0, &v);
}

/* An unlock that took the depth below 0 released the caller's lock. */
void sleep_kept_unlock(struct state *st, int depth)
{
	if (depth < 0)
		slot_clear(st, kept_slot, 0);
}

/* The 'K' level for a sleep at lock depth eff (relative to entry), in
 * f; 1 when it was written, 0 when the path kept nothing. */
int sleep_kept_frame(struct engine *en, const struct state *st, int eff,
		     struct sleep_frame *f)
{
	const struct slot_val *kept = slot_get(st, kept_slot, 0);

	if (!kept || eff < 0)
		return 0;
	f->tag = 'K';
	f->mask = 0;
	f->loc = loc_unpack(kept->a);
	f->fn = engine_fn_name(en);
	f->callee = (const char *)(intptr_t)kept->b;
	f->file = engine_fn_file(en);
	return 1;
}

void sleep_kept_init(void)
{
	static const struct slot_def kept = { "sleep-in-atomic:kept",
					      SLOT_GLOBAL, NULL };

	kept_slot = engine_slot_register(&kept);
}
