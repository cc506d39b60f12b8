// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic: tests of the context a function runs in.
 *
 * `kmalloc(sz, in_interrupt() ? GFP_ATOMIC : GFP_KERNEL)` (rtl8723bs's
 * _rtw_malloc()) and `if (in_atomic()) mdelay(n); else msleep(n);` sleep
 * only where the preempt count says process context.  in_interrupt(),
 * in_softirq(), in_task() and in_atomic() are tests of preempt_count()
 * (include/linux/preempt.h), whose result a `preempt` line of the rules
 * names.  On a path whose context sets some bit of the count (a callback
 * run in softirq or hardirq context, a region a _bh lock or a spinlock
 * opened), the edge where `count & K` is 0 cannot be taken when those
 * bits are all in K.  Elsewhere the test is a condition of the sleep
 * ('Q' frame on the pseudo-parameter SLEEP_COND_COUNT), decided by each
 * caller's context in turn.
 */
#include <stdint.h>

#include "sleep_in_atomic.h"

/* include/linux/preempt.h, !CONFIG_PREEMPT_RT */
#define PC_PREEMPT_MASK	0x000000ffULL
#define PC_SOFTIRQ_MASK	0x0000ff00ULL
#define PC_HARDIRQ_MASK	0x000f0000ULL

static int count_slot;		/* key: a variable that holds the count
				 * (the temporary of preempt_count()) */

void sleep_context_init(void)
{
	static const struct slot_def def = { "sleep-in-atomic:count",
					     SLOT_GLOBAL, NULL };

	count_slot = engine_slot_register(&def);
}

void sleep_context_call(struct state *st, const struct call_info *c)
{
	static const struct slot_val yes = { 1, 0 };
	const struct ir_expr *d = c->call->dest;

	if (c->api && (c->api->roles & ROLE_PREEMPT) && d &&
	    d->kind == EX_VAR)
		slot_set(st, count_slot, d->var, &yes);
}

/*
 * e (negations stripped: cond_truth()) tests the count: `count & K` or
 * the count itself (K all bits).  *k gets K.
 */
bool sleep_count_test(const struct state *st, const struct ir_expr *e,
		      uint64_t *k)
{
	*k = ~0ULL;
	if (e && e->kind == EX_ARITH && e->op == AR_AND && e->b &&
	    e->b->kind == EX_CONST) {
		*k = (uint64_t)e->b->ival;
		e = e->a;
	}
	return e && e->kind == EX_VAR && slot_get(st, count_slot, e->var);
}

/*
 * Whether the context c (flags of sleep_in_atomic.c) sets some bit of
 * the count in K: a callback in softirq or hardirq context sets some bit
 * of SOFTIRQ_MASK | HARDIRQ_MASK, a _bh region some bit of SOFTIRQ_MASK,
 * a spinlock or preempt_disable() region some bit of PREEMPT_MASK.
 */
bool sleep_count_set(const struct atomic_ctx *c, uint64_t k)
{
	if (c->callback && !((PC_SOFTIRQ_MASK | PC_HARDIRQ_MASK) & ~k))
		return true;
	if (c->depth > 0 && c->bh && !(PC_SOFTIRQ_MASK & ~k))
		return true;
	if (c->depth > 0 && c->counts && !(PC_PREEMPT_MASK & ~k))
		return true;
	return false;
}
