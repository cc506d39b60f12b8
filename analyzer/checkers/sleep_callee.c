// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic: a callee's sleep chain (its summary's sleep fact)
 * seen from one call.  The levels are kept unless a rules line says a
 * level takes a spinning lock or sleeps only for nonatomic objects; the
 * callee's conditions on its parameters (and on their fields, and on the
 * preempt count) are read against this call's arguments: one that does
 * not hold here refutes the chain, one on an argument that is our own
 * parameter becomes our condition.
 */
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../engine/apitable.h"
#include "sleep_in_atomic.h"

/* A rules line says name takes a lock that makes the region atomic. */
static bool spinning_lock(const char *name)
{
	const struct api_entry *api = name && *name ? api_lookup(name) : NULL;

	return api && (api->roles & ROLE_LOCK) && api->lock_atomic;
}

static bool no_atomic_sleep(const char *name)
{
	const struct api_entry *api = name && *name ? api_lookup(name) : NULL;

	return spinning_lock(name) || sleep_nonatomic_sleeper(api);
}

/*
 * f[0] is left for the caller's own level; the callee's levels g[0..m)
 * and the conditions that still hold go to f[1..].  The count of frames
 * in f, or -1 when the callee does not sleep from this call.  here is the
 * atomic context at the call.
 */
int sleep_callee_chain(struct engine *en, struct state *st,
		       const struct call_info *c, const struct sleep_frame *g,
		       int m, const struct atomic_ctx *here,
		       struct sleep_frame *f)
{
	int64_t cval;
	int n = 1, i, arg, k;

	for (i = 0; i < m; i++) {
		struct value own;
		int p;

		if (g[i].tag != 'Q') {
			/* the table outranks the summary: a chain through a
			 * function that a rules line says takes a spinning lock
			 * (_snd_pcm_stream_lock_irqsave(), a mutex only for
			 * nonatomic streams), or sleeps only for such streams
			 * (snd_pcm_action_group()), does not sleep */
			if (no_atomic_sleep(g[i].fn) ||
			    (g[i].tag == 'C' && no_atomic_sleep(g[i].callee)))
				return -1;
			f[n++] = g[i];
			continue;
		}
		arg = (int)g[i].mask;
		k = g[i].loc.line;
		cval = strtoll(g[i].callee, NULL, 10);
		if (arg == SLEEP_COND_COUNT) {
			/* the callee's preempt count is ours at the call:
			 * sleeps only where `count & K` is 0, and ours has
			 * a bit of K set */
			if (k == 'c' && sleep_count_set(here, (uint64_t)cval))
				return -1;
			sleep_add_cond(en, &f[n++], arg, k, cval);
			continue;
		}
		if (arg >= c->nargs)
			continue;
		if (g[i].fn && g[i].fn[0]) {
			/* a field of what the argument points to: cmd.flags
			 * of the caller's struct il_host_cmd */
			char fsub[300];

			int copied;

			snprintf(fsub, sizeof(fsub), "$%d%s", arg, g[i].fn);
			/* its value here, and the parameter of ours it
			 * holds (cmd.flags = flags) */
			copied = engine_call_subject_param(en, st, c->call,
							   fsub, &own);
			if (!sleep_cond_holds(&own, k, cval))
				return -1;	/* the callee does not sleep from here */
			p = engine_param_index(en, c->call->args[arg]);
			if (p >= 0) {
				/* our own parameter's field */
				if (p < MAX_COND_PARAMS) {
					sleep_add_cond(en, &f[n], p, k, cval);
					f[n++].fn = g[i].fn;
				}
				continue;
			}
			p = copied;	/* a condition on our parameter */
		} else {
			own = sleep_cond_arg(c, arg);
			if (!sleep_cond_holds(&own, k, cval))
				return -1;	/* the callee does not sleep from here */
			p = sleep_cond_param(en, c->call->args[arg], &k, &cval);
		}
		if (p < 0 || p >= MAX_COND_PARAMS)
			continue;
		own = sleep_param_known(st, p);
		if (!sleep_cond_holds(&own, k, cval))
			return -1;
		sleep_add_cond(en, &f[n++], p, k, cval);
	}
	return n;
}
